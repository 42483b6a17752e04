import { describe, expect, it } from 'vitest';
import { loadItem } from '../helpers/fixtures.js';
import {
  evaluateResourcePolicyExposure,
  exposureObserved,
  judgePublicPolicy,
  readPolicyExposure,
} from '../../engine/evaluate/resource-policy.js';
import { insufficientData } from '../../engine/evaluate/verdict.js';

const OWNER = '111122223333';
const FOREIGN = '444455556666';
const policy = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statements });
const allow = (extra: Record<string, unknown>) => ({
  Effect: 'Allow',
  Action: 'sqs:SendMessage',
  Resource: '*',
  ...extra,
});

describe('evaluateResourcePolicyExposure', () => {
  it('reports a wildcard principal without a condition as public', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(policy(allow({ Sid: 'Open', Principal: '*' })), {
      ownerAccountId: OWNER,
    });
    // Assess
    expect(exposure.ok && exposure.public.map((s) => s.statement)).toEqual(['Open']);
  });

  it('accepts the policy as a JSON string and names unnamed statements by index', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(JSON.stringify(policy(allow({ Principal: { AWS: ['*'] } }))), {
      ownerAccountId: OWNER,
    });
    // Assess
    expect(exposure.ok && exposure.public[0]?.statement).toBe('#0');
  });

  it('treats kms:CallerAccount, alone or with kms:ViaService, as a pin', () => {
    // Prepare
    const document = policy(
      allow({ Sid: 'Caller', Principal: { AWS: '*' }, Condition: { StringEquals: { 'kms:CallerAccount': OWNER } } }),
      allow({
        Sid: 'Via',
        Principal: { AWS: '*' },
        Condition: { StringEquals: { 'kms:CallerAccount': OWNER, 'kms:ViaService': 'rds.eu-west-1.amazonaws.com' } },
      }),
    );
    // Act
    const exposure = evaluateResourcePolicyExposure(document, { ownerAccountId: OWNER });
    // Assess
    expect(exposure.ok && [exposure.public.length, exposure.crossAccount.length]).toEqual([0, 0]);
  });

  it('does not treat kms:ViaService alone as a pin', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(
        allow({
          Principal: { AWS: '*' },
          Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
        }),
      ),
      { ownerAccountId: OWNER },
    );
    // Assess
    expect(exposure.ok && exposure.public).toHaveLength(1);
  });

  it('reports a public principal pinned to another account as cross-account, not public', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(allow({ Principal: '*', Condition: { StringEquals: { 'aws:SourceAccount': FOREIGN } } })),
      { ownerAccountId: OWNER },
    );
    // Assess
    expect(exposure.ok && [exposure.public.length, exposure.crossAccount[0]?.accounts]).toEqual([0, [FOREIGN]]);
  });

  it('reads the account of an aws:SourceArn pin', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(
        allow({
          Principal: '*',
          Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${FOREIGN}:feed` } },
        }),
      ),
      { ownerAccountId: OWNER },
    );
    // Assess
    expect(exposure.ok && exposure.crossAccount[0]?.accounts).toEqual([FOREIGN]);
  });

  it('ignores negated operators when reading pinned accounts', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(
        allow({
          Principal: '*',
          Condition: {
            StringEquals: { 'aws:SourceAccount': OWNER },
            StringNotEquals: { 'aws:SourceAccount': FOREIGN },
          },
        }),
      ),
      { ownerAccountId: OWNER },
    );
    // Assess
    expect(exposure.ok && exposure.crossAccount).toEqual([]);
  });

  it('does not count lambda:FunctionUrlAuthType as a pin', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(
        allow({
          Action: 'lambda:InvokeFunctionUrl',
          Principal: '*',
          Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
        }),
      ),
      { ownerAccountId: OWNER },
    );
    // Assess
    expect(exposure.ok && exposure.public[0]?.condition).toEqual({
      StringEquals: { 'lambda:functionurlauthtype': ['NONE'] },
    });
  });

  it('reports Allow with NotPrincipal as public', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(allow({ NotPrincipal: { AWS: `arn:aws:iam::${OWNER}:root` } })),
      {
        ownerAccountId: OWNER,
      },
    );
    // Assess
    expect(exposure.ok && exposure.public[0]?.principals).toEqual(['NotPrincipal']);
  });

  it('reports named principals of other accounts as cross-account', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(allow({ Principal: { AWS: [`arn:aws:iam::${FOREIGN}:role/reader`, OWNER] } })),
      { ownerAccountId: OWNER },
    );
    // Assess
    expect(exposure.ok && [exposure.public.length, exposure.crossAccount[0]?.accounts]).toEqual([0, [FOREIGN]]);
  });

  it('reports service principals without a source condition separately', () => {
    // Prepare
    const document = policy(
      allow({ Sid: 'Unpinned', Principal: { Service: 's3.amazonaws.com' } }),
      allow({
        Sid: 'Pinned',
        Principal: { Service: 'sns.amazonaws.com' },
        Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${OWNER}:t` } },
      }),
      allow({
        Sid: 'Foreign',
        Principal: { Service: 'events.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': FOREIGN } },
      }),
    );
    // Act
    const exposure = evaluateResourcePolicyExposure(document, { ownerAccountId: OWNER });
    // Assess
    expect(exposure.ok && exposure.unpinnedService.map((s) => s.statement)).toEqual(['Unpinned']);
    expect(exposure.ok && exposure.crossAccount.map((s) => s.statement)).toEqual(['Foreign']);
  });

  it('needs an account-naming condition to pin a service principal', () => {
    // Prepare
    const document = policy(
      allow({
        Sid: 'BucketOnly',
        Principal: { Service: 's3.amazonaws.com' },
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::uploads' } },
      }),
      allow({
        Sid: 'Org',
        Principal: { Service: 's3.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceOrgID': 'o-a1b2c3d4e5' } },
      }),
      allow({
        Sid: 'NegatedArn',
        Principal: { Service: 's3.amazonaws.com' },
        Condition: {
          ArnEquals: { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${OWNER}:t` },
          ArnNotEquals: { 'aws:SourceArn': 'arn:aws:s3:::x' },
        },
      }),
    );
    // Act
    const exposure = evaluateResourcePolicyExposure(document, { ownerAccountId: OWNER });
    // Assess
    expect(exposure.ok && exposure.unpinnedService.map((s) => s.statement)).toEqual(['BucketOnly']);
  });

  it('skips Deny statements and statements outside the requested actions', () => {
    // Prepare
    const document = policy(
      { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' },
      allow({ Sid: 'Read', Principal: '*', Action: 'sqs:GetQueueAttributes' }),
      { Sid: 'Everything', Effect: 'Allow', Principal: '*', NotAction: 'sqs:DeleteQueue', Resource: '*' },
    );
    // Act
    const exposure = evaluateResourcePolicyExposure(document, { ownerAccountId: OWNER, actions: ['sqs:SendMessage'] });
    // Assess
    expect(exposure.ok && exposure.public.map((s) => [s.statement, s.actions])).toEqual([
      ['Everything', ['NotAction:sqs:DeleteQueue']],
    ]);
  });

  it('returns the parse error of an unreadable policy', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure('{"Statement": [', { ownerAccountId: OWNER });
    // Assess
    expect(exposure.ok).toBe(false);
  });
});

describe('Method: readPolicyExposure and judgePublicPolicy', () => {
  const judging = (policy: unknown, decodeErrors: string[] = []) => ({
    resource: { ...loadItem('sqs-queue/baseline'), decodeErrors },
    policy,
    field: 'Policy',
    subject: 'SQS queue q',
    policyName: 'queue policy',
    whenAbsent: () => insufficientData('SQS queue q has no recorded queue policy.'),
  });

  it('reports a value that failed to decode or parse as ERROR, and an absent one as whenAbsent says', () => {
    // Act
    const undecodable = readPolicyExposure(
      judging(undefined, ['supplementaryConfiguration.Policy: not valid JSON (x)']),
    );
    const unparsable = readPolicyExposure(judging('{"Statement": ['));
    const absent = readPolicyExposure(judging(''));
    // Assess
    expect(undecodable.ok ? null : undecodable.verdict).toMatchObject({
      status: 'ERROR',
      reason:
        'SQS queue q has a queue policy that cannot be decoded: supplementaryConfiguration.Policy: not valid JSON (x).',
    });
    expect(unparsable.ok ? null : unparsable.verdict.reason).toMatch(
      /^SQS queue q has a queue policy that cannot be read: /,
    );
    expect(absent.ok ? null : absent.verdict.status).toBe('INSUFFICIENT_DATA');
  });

  it('fails naming each public statement and its actions, and keeps the exposure as evidence', () => {
    // Act
    const verdict = judgePublicPolicy(judging(policy(allow({ Sid: 'Open', Principal: '*' }))));
    // Assess
    expect(verdict.status).toBe('FAIL');
    expect(verdict.reason).toBe('SQS queue q has a queue policy granting access to everyone (Open: sqs:SendMessage).');
    expect(Object.keys(verdict.observed)).toEqual([
      'statementCount',
      'publicStatements',
      'crossAccountStatements',
      'serviceStatementsWithoutSourceCondition',
    ]);
  });

  it('passes a policy whose statements reach only named accounts', () => {
    // Act
    const verdict = judgePublicPolicy(judging(policy(allow({ Principal: { AWS: `arn:aws:iam::${FOREIGN}:root` } }))));
    // Assess
    expect(verdict).toMatchObject({
      status: 'PASS',
      reason: 'SQS queue q has a queue policy with no public statement.',
      observed: { crossAccountStatements: [{ accounts: [FOREIGN] }] },
    });
  });

  it('judges only the statements covering the requested actions', () => {
    // Prepare
    const document = policy(
      allow({ Sid: 'Describe', Principal: '*', Action: 'sqs:GetQueueAttributes' }),
      allow({ Sid: 'Send', Principal: '*' }),
    );
    // Act
    const narrowed = judgePublicPolicy({ ...judging(document), actions: ['sqs:GetQueueAttributes'] });
    const unrelated = judgePublicPolicy({ ...judging(document), actions: ['sqs:PurgeQueue'] });
    // Assess
    expect(narrowed.reason).toBe(
      'SQS queue q has a queue policy granting access to everyone (Describe: sqs:GetQueueAttributes).',
    );
    expect(unrelated).toMatchObject({ status: 'PASS', observed: { statementCount: 2, publicStatements: [] } });
  });

  it('builds the evidence from the exposure', () => {
    // Prepare
    const exposure = evaluateResourcePolicyExposure(policy(allow({ Principal: '*' })), { ownerAccountId: OWNER });
    if (!exposure.ok) throw new Error(exposure.error);
    // Assess
    expect(exposureObserved(exposure)).toMatchObject({ statementCount: 1, publicStatements: [{ statement: '#0' }] });
  });
});
