/**
 * A configuration item as Config puts it in rule events and EventBridge
 * events (the "snapshot" wire form), and the summary that replaces it when it
 * is too large to inline. Only what identifies the resource is checked here;
 * the normaliser reads the rest, in every wire form, and says what it could
 * not decode.
 *
 * @see https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html
 */
import { z } from 'zod';

/** Config sends ISO text; replays and the boto/CLI form may carry epoch numbers. */
const CaptureTimeSchema = z.union([z.string().min(1), z.number()]);

/**
 * @example
 * { "resourceType": "AWS::S3::Bucket", "resourceId": "logs-prod", "awsAccountId": "111122223333",
 *   "awsRegion": "eu-west-1", "configurationItemCaptureTime": "2026-11-20T06:00:00.000Z",
 *   "configurationItemStatus": "OK", "configuration": { … }, "supplementaryConfiguration": { … },
 *   "relationships": [ … ], "tags": { … } }
 */
export const ConfigurationItemSchema = z.looseObject({
  resourceType: z.string().min(1),
  resourceId: z.string().min(1),
  resourceName: z.string().nullish(),
  ARN: z.string().nullish(),
  awsAccountId: z.string().min(1),
  awsRegion: z.string().min(1),
  configurationItemCaptureTime: CaptureTimeSchema,
  configurationItemStatus: z.string().min(1),
  configuration: z.unknown(),
  supplementaryConfiguration: z.record(z.string(), z.unknown()).nullish(),
  relationships: z.array(z.record(z.string(), z.unknown())).nullish(),
});

/**
 * @example
 * { "changeType": "UPDATE", "configurationItemVersion": "1.3", "configurationItemCaptureTime": "2026-11-20T06:00:00.000Z",
 *   "configurationStateId": 1763618400000, "awsAccountId": "111122223333", "configurationItemStatus": "OK",
 *   "resourceType": "AWS::IAM::Role", "resourceId": "AROAEXAMPLE", "resourceName": "ci-deploy",
 *   "ARN": "arn:aws:iam::111122223333:role/ci-deploy", "awsRegion": "global" }
 */
export const ConfigurationItemSummarySchema = z.looseObject({
  changeType: z.string().nullish(),
  resourceType: z.string().min(1),
  resourceId: z.string().min(1),
  resourceName: z.string().nullish(),
  ARN: z.string().nullish(),
  awsAccountId: z.string().min(1),
  awsRegion: z.string().min(1),
  configurationItemCaptureTime: CaptureTimeSchema,
  configurationItemStatus: z.string().min(1),
});

export const ChangeNotificationSchema = z.looseObject({
  messageType: z.literal('ConfigurationItemChangeNotification'),
  /** Absent or null only in malformed or very old records; the handler says so. */
  configurationItem: ConfigurationItemSchema,
  configurationItemDiff: z.unknown(),
  notificationCreationTime: z.string().min(1),
  recordVersion: z.string().optional(),
});

export const OversizedChangeNotificationSchema = z.looseObject({
  messageType: z.literal('OversizedConfigurationItemChangeNotification'),
  configurationItemSummary: ConfigurationItemSummarySchema,
  notificationCreationTime: z.string().min(1),
  recordVersion: z.string().optional(),
  /** EventBridge and SNS only: where Config put the full item. */
  s3DeliverySummary: z.looseObject({ s3BucketLocation: z.string().nullish() }).nullish(),
});

export type ConfigurationItem = z.infer<typeof ConfigurationItemSchema>;
export type ConfigurationItemSummary = z.infer<typeof ConfigurationItemSummarySchema>;
export type ChangeNotification = z.infer<typeof ChangeNotificationSchema>;
export type OversizedChangeNotification = z.infer<typeof OversizedChangeNotificationSchema>;
