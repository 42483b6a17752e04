/**
 * Application-integration builders: SNS topics and SQS queues (PascalCase,
 * attributes as strings, the policy as a JSON string), Secrets Manager
 * secrets and Lambda functions (resource policy as a JSON string).
 */
import { epochMs, hexId, type JsonObject, type Ref, record, related, type Scope, tagList, uuid } from './ci.js';

export interface TopicSpec {
  name: string;
  kmsKey?: Ref | string;
  policy: JsonObject;
  tags?: Record<string, string>;
}

export function snsTopic(scope: Scope, spec: TopicSpec): Ref {
  const arn = `arn:aws:sns:${scope.region}:${scope.accountId}:${spec.name}`;
  const tags = spec.tags ?? {};
  return record(scope, {
    resourceType: 'AWS::SNS::Topic',
    resourceId: arn,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: null,
    tags,
    configuration: {
      Policy: JSON.stringify(spec.policy),
      Owner: scope.accountId,
      SubscriptionsPending: '0',
      ...(spec.kmsKey ? { KmsMasterKeyId: typeof spec.kmsKey === 'string' ? spec.kmsKey : spec.kmsKey.arn } : {}),
      TopicArn: arn,
      EffectiveDeliveryPolicy:
        '{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":20,"maxDelayTarget":20,"numRetries":3,"numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"},"disableSubscriptionOverrides":false,"defaultRequestPolicy":{"headerContentType":"text/plain; charset=UTF-8"}}}',
      SubscriptionsConfirmed: '2',
      DisplayName: '',
      SubscriptionsDeleted: '0',
    },
    supplementary: { Tags: tagList(tags) },
  });
}

/** The policy SNS writes on a new topic: any principal of the owning account. */
export const defaultTopicPolicy = (scope: Scope, name: string): JsonObject => ({
  Version: '2008-10-17',
  Id: '__default_policy_ID',
  Statement: [
    {
      Sid: '__default_statement_ID',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: [
        'SNS:GetTopicAttributes',
        'SNS:SetTopicAttributes',
        'SNS:AddPermission',
        'SNS:RemovePermission',
        'SNS:DeleteTopic',
        'SNS:Subscribe',
        'SNS:ListSubscriptionsByTopic',
        'SNS:Publish',
      ],
      Resource: `arn:aws:sns:${scope.region}:${scope.accountId}:${name}`,
      Condition: { StringEquals: { 'AWS:SourceOwner': scope.accountId } },
    },
  ],
});

export interface QueueSpec {
  name: string;
  /** `sqs`: SSE-SQS; a key: SSE-KMS; `none`: unencrypted. */
  encryption: 'sqs' | 'none' | Ref | string;
  policy?: JsonObject;
  deadLetterTarget?: Ref;
  createdAt: string;
}

export function sqsQueue(scope: Scope, spec: QueueSpec): Ref {
  const arn = `arn:aws:sqs:${scope.region}:${scope.accountId}:${spec.name}`;
  const seconds = String(Math.floor(epochMs(spec.createdAt) / 1000));
  const kms =
    typeof spec.encryption === 'string'
      ? spec.encryption.startsWith('alias/')
        ? spec.encryption
        : null
      : spec.encryption.arn;
  return record(scope, {
    resourceType: 'AWS::SQS::Queue',
    resourceId: `https://sqs.${scope.region}.amazonaws.com/${scope.accountId}/${spec.name}`,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: spec.createdAt,
    configuration: {
      ...(spec.policy ? { Policy: JSON.stringify(spec.policy) } : {}),
      ReceiveMessageWaitTimeSeconds: '20',
      CreatedTimestamp: seconds,
      DelaySeconds: '0',
      MessageRetentionPeriod: '1209600',
      MaximumMessageSize: '262144',
      VisibilityTimeout: '300',
      LastModifiedTimestamp: seconds,
      QueueArn: arn,
      ...(kms ? { KmsMasterKeyId: kms, KmsDataKeyReusePeriodSeconds: '300' } : {}),
      SqsManagedSseEnabled: String(spec.encryption === 'sqs'),
      ...(spec.deadLetterTarget
        ? { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: spec.deadLetterTarget.arn, maxReceiveCount: 5 }) }
        : {}),
    },
    supplementary: { Tags: {} },
  });
}

// ---------------------------------------------------------------- Secrets, functions

export interface SecretSpec {
  name: string;
  description: string;
  kmsKey?: Ref;
  rotation?: { lambda: string; days: number };
  createdAt: string;
  tags?: Record<string, string>;
}

export function secret(scope: Scope, spec: SecretSpec): Ref {
  const arn = `arn:aws:secretsmanager:${scope.region}:${scope.accountId}:secret:${spec.name}-${hexId(spec.name, 6)}`;
  return record(scope, {
    resourceType: 'AWS::SecretsManager::Secret',
    resourceId: arn,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: spec.createdAt,
    configuration: {
      Name: spec.name,
      ARN: arn,
      Description: spec.description,
      ...(spec.kmsKey ? { KMSKeyId: spec.kmsKey.arn } : {}),
      RotationEnabled: spec.rotation !== undefined,
      ...(spec.rotation
        ? {
            RotationLambdaARN: spec.rotation.lambda,
            RotationRules: {
              AutomaticallyAfterDays: spec.rotation.days,
              ScheduleExpression: `rate(${spec.rotation.days} days)`,
            },
            RotationOccurringAsScheduled: true,
          }
        : {}),
      Deleted: false,
    },
    supplementary: { Tags: tagList(spec.tags ?? {}) },
  });
}

export interface FunctionSpec {
  name: string;
  runtime: string;
  role: Ref;
  description: string;
  policy?: JsonObject;
  vpc?: { subnets: Ref[]; securityGroups: Ref[] };
  lastModified: string;
  tags?: Record<string, string>;
}

export function lambdaFunction(scope: Scope, spec: FunctionSpec): Ref {
  const arn = `arn:aws:lambda:${scope.region}:${scope.accountId}:function:${spec.name}`;
  const supplementary: JsonObject = { Tags: { ...spec.tags } };
  if (spec.policy) supplementary.Policy = JSON.stringify(spec.policy);
  return record(scope, {
    resourceType: 'AWS::Lambda::Function',
    resourceId: spec.name,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: spec.lastModified,
    tags: spec.tags ?? {},
    relationships: [related('Is associated with Role', spec.role)],
    configuration: {
      functionName: spec.name,
      functionArn: arn,
      runtime: spec.runtime,
      role: spec.role.arn,
      handler: spec.runtime.startsWith('python') ? 'app.handler' : 'index.handler',
      codeSize: parseInt(hexId(arn, 5), 16),
      description: spec.description,
      timeout: 30,
      memorySize: 512,
      lastModified: spec.lastModified.replace('Z', '+0000'),
      codeSha256: Buffer.from(hexId(`${arn}/code`, 64), 'hex').toString('base64'),
      version: '$LATEST',
      vpcConfig: {
        subnetIds: spec.vpc?.subnets.map((s) => s.id) ?? [],
        securityGroupIds: spec.vpc?.securityGroups.map((g) => g.id) ?? [],
      },
      tracingConfig: { mode: 'Active' },
      revisionId: uuid(`${arn}/revision`),
      layers: [],
      packageType: 'Zip',
      architectures: ['arm64'],
      ephemeralStorage: { size: 512 },
      loggingConfig: { logFormat: 'Text', logGroup: `/aws/lambda/${spec.name}` },
    },
    supplementary,
  });
}
