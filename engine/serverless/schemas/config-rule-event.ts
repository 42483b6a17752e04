/**
 * The event AWS Config sends a custom Lambda rule. `invokingEvent` and
 * `ruleParameters` are JSON text; both are decoded and validated here, so the
 * rule logic only ever sees typed values.
 *
 * @example
 * { "version": "1.0", "invokingEvent": "{\"messageType\":\"ScheduledNotification\",\"awsAccountId\":\"111122223333\",
 *   \"notificationCreationTime\":\"2026-11-20T06:00:00.000Z\",\"recordVersion\":\"1.0\"}",
 *   "ruleParameters": "{\"frameworks\":\"soc2\"}", "resultToken": "…", "eventLeftScope": false,
 *   "executionRoleArn": "arn:aws:iam::111122223333:role/config-role",
 *   "configRuleArn": "arn:aws:config:eu-west-1:111122223333:config-rule/config-rule-abc123",
 *   "configRuleName": "compliance-auditor", "configRuleId": "config-rule-abc123", "accountId": "111122223333",
 *   "evaluationMode": "DETECTIVE" }
 * @see https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html
 */
import { z } from 'zod';
import { ChangeNotificationSchema, OversizedChangeNotificationSchema } from './configuration-item.js';
import { jsonEncoded } from './json-encoded.js';

export const ScheduledNotificationSchema = z.looseObject({
  messageType: z.literal('ScheduledNotification'),
  /** Not always 12 digits in AWS's own samples: taken as given, only reported back. */
  awsAccountId: z.string().min(1),
  notificationCreationTime: z.string().min(1),
  recordVersion: z.string().optional(),
});

/** The three kinds a rule can subscribe to; `ConfigurationSnapshotDeliveryCompleted` is not one we ask for. */
export const InvokingEventSchema = z.discriminatedUnion('messageType', [
  ChangeNotificationSchema,
  OversizedChangeNotificationSchema,
  ScheduledNotificationSchema,
]);

export const ConfigRuleEventSchema = z.looseObject({
  version: z.string().optional(),
  invokingEvent: jsonEncoded(InvokingEventSchema),
  /** Key/value strings from the rule's InputParameters; validated against the rule's own schema later. */
  ruleParameters: jsonEncoded(z.record(z.string(), z.unknown())).optional(),
  /** PutEvaluations needs it; `TESTMODE` (the RDK's convention) asks for a dry run. */
  resultToken: z.string().min(1),
  eventLeftScope: z.boolean().optional(),
  executionRoleArn: z.string().optional(),
  configRuleArn: z.string().min(1),
  configRuleName: z.string().min(1),
  configRuleId: z.string().optional(),
  accountId: z.string().min(1),
  evaluationMode: z.string().optional(),
});

export type ScheduledNotification = z.infer<typeof ScheduledNotificationSchema>;
export type InvokingEvent = z.infer<typeof InvokingEventSchema>;
export type ConfigRuleEvent = z.infer<typeof ConfigRuleEventSchema>;
