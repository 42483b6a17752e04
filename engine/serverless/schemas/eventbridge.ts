/**
 * EventBridge events the auditor consumes: the envelope every event shares,
 * Config's "Config Configuration Item Change" and the schedule's
 * "Scheduled Event". Each variant pins `source` and `detail-type` to literals,
 * as the rules that deliver them match on exactly those values.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/ref/events-structure.html
 * @see https://docs.aws.amazon.com/config/latest/developerguide/monitor-config-with-cloudwatchevents.html
 */
import { z } from 'zod';
import { ChangeNotificationSchema, OversizedChangeNotificationSchema } from './configuration-item.js';

/**
 * @example
 * { "version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "…", "source": "…",
 *   "account": "111122223333", "time": "2026-11-20T06:00:00Z", "region": "eu-west-1", "resources": [], "detail": {} }
 */
export const EventBridgeSchema = z.looseObject({
  version: z.string(),
  id: z.string().min(1),
  'detail-type': z.string(),
  source: z.string(),
  account: z.string().min(1),
  time: z.string().min(1),
  region: z.string().min(1),
  resources: z.array(z.string()),
  detail: z.unknown(),
});

export const CONFIG_ITEM_CHANGE_PATTERN = {
  source: ['aws.config'],
  'detail-type': ['Config Configuration Item Change'],
} as const;

/**
 * @example
 * { …envelope, "source": "aws.config", "detail-type": "Config Configuration Item Change",
 *   "detail": { "recordVersion": "1.3", "messageType": "ConfigurationItemChangeNotification",
 *               "configurationItemDiff": { "changedProperties": {}, "changeType": "CREATE" },
 *               "notificationCreationTime": "2026-11-20T06:00:00.385Z", "configurationItem": { … } } }
 */
export const ConfigItemChangeEventSchema = EventBridgeSchema.extend({
  source: z.literal('aws.config'),
  'detail-type': z.literal('Config Configuration Item Change'),
  detail: z.discriminatedUnion('messageType', [ChangeNotificationSchema, OversizedChangeNotificationSchema]),
});

/**
 * What a `schedule` rule delivers when no input is configured.
 *
 * @example
 * { …envelope, "source": "aws.events", "detail-type": "Scheduled Event",
 *   "resources": ["arn:aws:events:eu-west-1:111122223333:rule/nightly"], "detail": {} }
 */
export const ScheduledEventSchema = EventBridgeSchema.extend({
  source: z.literal('aws.events'),
  'detail-type': z.literal('Scheduled Event'),
  detail: z.looseObject({}),
});

export type EventBridgeEvent = z.infer<typeof EventBridgeSchema>;
export type ConfigItemChangeEvent = z.infer<typeof ConfigItemChangeEventSchema>;
export type ScheduledEvent = z.infer<typeof ScheduledEventSchema>;
