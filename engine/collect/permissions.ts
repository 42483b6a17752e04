/**
 * Least privilege as code: the one table of every AWS call the collector may
 * make. `send` (engine/collect/caller.ts) looks each command up here and
 * refuses any other, and the IAM policy the collector needs is generated from
 * the same rows, so the policy can neither miss a call nor grant a spare one.
 */
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
} from '@aws-sdk/client-cloudtrail';
import {
  BatchGetAggregateResourceConfigCommand,
  BatchGetResourceConfigCommand,
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import { DynamoDBClient, GetResourcePolicyCommand } from '@aws-sdk/client-dynamodb';
import { DescribeRegionsCommand, EC2Client, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { GetKeyRotationStatusCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { DescribeHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { AuditorError } from '../errors.js';

/** The SDK client of each service the collector talks to. */
export interface ServiceClients {
  cloudtrail: CloudTrailClient;
  config: ConfigServiceClient;
  dynamodb: DynamoDBClient;
  ec2: EC2Client;
  guardduty: GuardDutyClient;
  iam: IAMClient;
  kms: KMSClient;
  s3: S3Client;
  s3control: S3ControlClient;
  securityhub: SecurityHubClient;
  sts: STSClient;
}
export type ServiceName = keyof ServiceClients;

/** One row of the table: which client sends the command, and the IAM action that allows it. */
export interface CallSpec {
  service: ServiceName;
  /** The API operation, as collection errors name it. */
  operation: string;
  /** The IAM action that authorises the operation (not always `<service>:<operation>`). */
  iamAction: string;
}

/** A command class, used only as a lookup key: class identity survives a minifying bundler, names do not. */
export type CommandClass = abstract new (...args: never[]) => object;

const row = (command: CommandClass, service: ServiceName, operation: string, iamAction: string) =>
  [command, { service, operation, iamAction }] as const;

/** Every call the collector makes. Add a row here before sending a new command; nothing else grants it. */
const CALLS: ReadonlyMap<CommandClass, CallSpec> = new Map<CommandClass, CallSpec>([
  row(GetCallerIdentityCommand, 'sts', 'GetCallerIdentity', 'sts:GetCallerIdentity'),
  row(DescribeRegionsCommand, 'ec2', 'DescribeRegions', 'ec2:DescribeRegions'),
  row(GetEbsEncryptionByDefaultCommand, 'ec2', 'GetEbsEncryptionByDefault', 'ec2:GetEbsEncryptionByDefault'),
  // AWS Config: the inventory and the recorder's own state.
  row(SelectResourceConfigCommand, 'config', 'SelectResourceConfig', 'config:SelectResourceConfig'),
  row(
    SelectAggregateResourceConfigCommand,
    'config',
    'SelectAggregateResourceConfig',
    'config:SelectAggregateResourceConfig',
  ),
  row(BatchGetResourceConfigCommand, 'config', 'BatchGetResourceConfig', 'config:BatchGetResourceConfig'),
  row(
    BatchGetAggregateResourceConfigCommand,
    'config',
    'BatchGetAggregateResourceConfig',
    'config:BatchGetAggregateResourceConfig',
  ),
  row(
    DescribeConfigurationRecordersCommand,
    'config',
    'DescribeConfigurationRecorders',
    'config:DescribeConfigurationRecorders',
  ),
  row(
    DescribeConfigurationRecorderStatusCommand,
    'config',
    'DescribeConfigurationRecorderStatus',
    'config:DescribeConfigurationRecorderStatus',
  ),
  row(DescribeDeliveryChannelsCommand, 'config', 'DescribeDeliveryChannels', 'config:DescribeDeliveryChannels'),
  // IAM account facts, and the IAM fallback when Config records no IAM types.
  row(GetAccountSummaryCommand, 'iam', 'GetAccountSummary', 'iam:GetAccountSummary'),
  row(GetAccountPasswordPolicyCommand, 'iam', 'GetAccountPasswordPolicy', 'iam:GetAccountPasswordPolicy'),
  row(GenerateCredentialReportCommand, 'iam', 'GenerateCredentialReport', 'iam:GenerateCredentialReport'),
  row(GetCredentialReportCommand, 'iam', 'GetCredentialReport', 'iam:GetCredentialReport'),
  row(ListVirtualMFADevicesCommand, 'iam', 'ListVirtualMFADevices', 'iam:ListVirtualMFADevices'),
  row(
    GetAccountAuthorizationDetailsCommand,
    'iam',
    'GetAccountAuthorizationDetails',
    'iam:GetAccountAuthorizationDetails',
  ),
  // S3 Control's GetPublicAccessBlock is the account-level block; its action is not the bucket one.
  row(GetAccountPublicAccessBlockCommand, 's3control', 'GetPublicAccessBlock', 's3:GetAccountPublicAccessBlock'),
  // The S3 fallback where Config does not record buckets.
  row(ListBucketsCommand, 's3', 'ListBuckets', 's3:ListAllMyBuckets'),
  row(GetBucketLocationCommand, 's3', 'GetBucketLocation', 's3:GetBucketLocation'),
  row(GetBucketPolicyCommand, 's3', 'GetBucketPolicy', 's3:GetBucketPolicy'),
  row(GetPublicAccessBlockCommand, 's3', 'GetPublicAccessBlock', 's3:GetBucketPublicAccessBlock'),
  row(GetBucketAclCommand, 's3', 'GetBucketAcl', 's3:GetBucketAcl'),
  row(GetBucketEncryptionCommand, 's3', 'GetBucketEncryption', 's3:GetEncryptionConfiguration'),
  row(GetBucketVersioningCommand, 's3', 'GetBucketVersioning', 's3:GetBucketVersioning'),
  row(GetBucketLoggingCommand, 's3', 'GetBucketLogging', 's3:GetBucketLogging'),
  row(GetBucketTaggingCommand, 's3', 'GetBucketTagging', 's3:GetBucketTagging'),
  row(GetObjectLockConfigurationCommand, 's3', 'GetObjectLockConfiguration', 's3:GetBucketObjectLockConfiguration'),
  // DynamoDB table resource policies, which Config does not record (engine/collect/dynamodb-policies.ts).
  row(GetResourcePolicyCommand, 'dynamodb', 'GetResourcePolicy', 'dynamodb:GetResourcePolicy'),
  // Per-region facts.
  row(GetKeyRotationStatusCommand, 'kms', 'GetKeyRotationStatus', 'kms:GetKeyRotationStatus'),
  row(ListDetectorsCommand, 'guardduty', 'ListDetectors', 'guardduty:ListDetectors'),
  row(GetDetectorCommand, 'guardduty', 'GetDetector', 'guardduty:GetDetector'),
  row(DescribeHubCommand, 'securityhub', 'DescribeHub', 'securityhub:DescribeHub'),
  row(DescribeTrailsCommand, 'cloudtrail', 'DescribeTrails', 'cloudtrail:DescribeTrails'),
  row(GetTrailStatusCommand, 'cloudtrail', 'GetTrailStatus', 'cloudtrail:GetTrailStatus'),
  row(GetEventSelectorsCommand, 'cloudtrail', 'GetEventSelectors', 'cloudtrail:GetEventSelectors'),
]);

/** The client class of each service, for the default client factory. */
export const CLIENT_CLASSES = {
  cloudtrail: CloudTrailClient,
  config: ConfigServiceClient,
  dynamodb: DynamoDBClient,
  ec2: EC2Client,
  guardduty: GuardDutyClient,
  iam: IAMClient,
  kms: KMSClient,
  s3: S3Client,
  s3control: S3ControlClient,
  securityhub: SecurityHubClient,
  sts: STSClient,
} as const;

/** A command that is not in the table: a programming error, never an AWS one. */
export class UnlistedCommandError extends AuditorError {
  constructor(message: string) {
    super(message);
    this.name = 'UnlistedCommandError';
  }
}

/**
 * The table row of a command; throws UnlistedCommandError for any command the
 * table does not list, so no call can escape the generated policy.
 *
 * @example
 * callSpecFor(new GetAccountSummaryCommand({})) // { service: 'iam', operation: 'GetAccountSummary', iamAction: 'iam:GetAccountSummary' }
 */
export function callSpecFor(command: object): CallSpec {
  const spec = CALLS.get(command.constructor as CommandClass);
  if (!spec)
    throw new UnlistedCommandError(
      `the collector does not allow ${command.constructor.name}: add it to engine/collect/permissions.ts`,
    );
  return spec;
}

/**
 * Every row of the table, with its command class (tests mock exactly these).
 *
 * @example
 * collectorCalls().map((call) => call.operation) // ['GetCallerIdentity', 'DescribeRegions', ...]
 */
export function collectorCalls(): (CallSpec & { command: CommandClass })[] {
  return [...CALLS].map(([command, spec]) => ({ ...spec, command }));
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
}

/**
 * The read-only IAM policy the collector needs, generated from the table: one
 * statement, its actions sorted and unique. `Resource` is `*` because the
 * collector reads every resource of the account, and several of these actions
 * (GetAccountSummary, ListBuckets, DescribeRegions...) support no resource ARN.
 *
 * @example
 * JSON.stringify(collectorPolicyDocument(), null, 2) // what `compliance-auditor permissions` prints
 */
export function collectorPolicyDocument(): PolicyDocument {
  const actions = [...new Set([...CALLS.values()].map((spec) => spec.iamAction))].sort();
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'ComplianceAuditorCollectorReadOnly', Effect: 'Allow', Action: actions, Resource: '*' }],
  };
}
