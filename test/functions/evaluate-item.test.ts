import { BatchGetResourceConfigCommand, ConfigServiceClient } from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { catalogMappings, catalogRegistry } from '../../engine/catalog.js';
import type { AccountFactsRecord } from '../../engine/normalize/account-facts.js';
import { AccountFactsCache } from '../../engine/serverless/account-facts-cache.js';
import { defineControl } from '../../engine/evaluate/define-control.js';
import { evaluateItem } from '../../engine/serverless/evaluate-item.js';
import { readFixture } from '../helpers/fixtures.js';
import { loadItem } from '../helpers/fixtures.js';
import { recorder } from './helpers.js';

const registry = catalogRegistry();
const mappings = catalogMappings();
const control = (id: string) => {
  const found = registry.get(id);
  if (!found) throw new Error(`no control ${id}`);
  return found;
};

describe('Function: evaluateItem (one resource with the context around it)', () => {
  const config = mockClient(ConfigServiceClient);
  afterEach(() => config.reset());
  afterAll(() => config.restore());

  it('qualifies a verdict that weighed every resource of a type: INSUFFICIENT_DATA, with the partial verdict kept', async () => {
    // Prepare: a control that fails when it finds no flow log anywhere, as a whole-account audit may conclude.
    const needsEveryFlowLog = defineControl({
      id: 'ec2-vpc-test-flow-logged',
      title: 'VPC has a flow log (test)',
      service: 'ec2',
      severity: 'low',
      resourceTypes: ['AWS::EC2::VPC'],
      uses: ['AWS::EC2::FlowLog'],
      description: 'Test control.',
      rationale: 'Test control.',
      remediation: { guidance: 'None.' },
      references: { urls: [] },
      evaluate: ({ context }) =>
        context.all('AWS::EC2::FlowLog').length > 0
          ? { status: 'PASS', reason: 'A flow log exists.', observed: {} }
          : { status: 'FAIL', reason: 'No flow log exists.', observed: {} },
    });
    const { log, counter } = recorder();
    const vpc = readFixture('config-items/ec2-vpc/baseline') as Record<string, unknown>;

    // Act
    const { findings } = await evaluateItem(
      {
        resource: loadItem('ec2-vpc/baseline'),
        item: vpc,
        controls: [needsEveryFlowLog],
        runId: 'r',
        evaluatedAt: new Date('2026-11-20T00:00:00Z'),
      },
      { mappings, config: null, accountFacts: new AccountFactsCache({ loader: null, ttlMs: 1 }), log, counter },
    );

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      reason: expect.stringMatching(
        /weighs every AWS::EC2::FlowLog in the account.*Partial view: No flow log exists\./,
      ),
      observed: { partialContext: { listedTypes: ['AWS::EC2::FlowLog'], partialVerdict: 'FAIL' } },
    });
  });

  it('loads the account facts (cached) and the account-scoped Config items a bucket control consults', async () => {
    // Prepare
    const facts = readFixture('config-items/account/s3-facts') as AccountFactsRecord;
    let loads = 0;
    const { log, counter, counts } = recorder();
    const cache = new AccountFactsCache({
      loader: async () => {
        loads++;
        return facts;
      },
      ttlMs: 60_000,
      counter,
    });
    config.on(BatchGetResourceConfigCommand).resolves({ baseConfigurationItems: [], unprocessedResourceKeys: [] });
    const bucket = loadItem('s3-bucket/baseline');
    const item = readFixture('config-items/s3-bucket/baseline') as Record<string, unknown>;
    const deps = { mappings, config: new ConfigServiceClient({}), accountFacts: cache, log, counter };
    const input = {
      resource: bucket,
      item,
      controls: [control('s3-bucket-public-read-prohibited')],
      runId: 'r',
      evaluatedAt: new Date('2026-11-20T00:00:00Z'),
    };

    // Act
    const first = await evaluateItem(input, deps);
    await evaluateItem(input, deps);

    // Assess
    expect(first.findings[0]?.status).toBe('PASS');
    expect(first.accountFacts?.record).toBe(facts);
    expect(loads).toBe(1);
    expect(counts.get('AccountFactsFetched')).toBe(1);
    expect(config.commandCalls(BatchGetResourceConfigCommand)[0]?.args[0].input.resourceKeys).toEqual([
      { resourceType: 'AWS::S3::AccountPublicAccessBlock', resourceId: '111122223333' },
    ]);
  });

  it('goes on without related resources when Config cannot be read, and says so', async () => {
    // Prepare
    const { log, counter, lines } = recorder();
    config.on(BatchGetResourceConfigCommand).rejects(new Error('AccessDeniedException'));
    const user = readFixture('config-items/iam-user/baseline') as Record<string, unknown>;

    // Act
    const result = await evaluateItem(
      {
        resource: loadItem('iam-user/baseline'),
        item: user,
        controls: [control('iam-principal-no-full-admin')],
        runId: 'r',
        evaluatedAt: new Date('2026-11-20T00:00:00Z'),
      },
      {
        mappings,
        config: new ConfigServiceClient({}),
        accountFacts: new AccountFactsCache({ loader: null, ttlMs: 1 }),
        log,
        counter,
      },
    );

    // Assess
    expect(result.unresolved).toEqual([{ resourceType: 'AWS::IAM::Group', resourceId: 'AGPAYH3EXAMPLEW4N8T2Q' }]);
    expect(result.findings[0]?.status).toBe('INSUFFICIENT_DATA');
    expect(lines.some((line) => line.level === 'warn' && /could not be read/.test(line.message))).toBe(true);
  });
});

describe('Class: AccountFactsCache', () => {
  it('keeps facts for the TTL, then fetches again; a failure is not kept', async () => {
    // Prepare
    let now = 0;
    let calls = 0;
    const facts = readFixture('config-items/account/s3-facts') as AccountFactsRecord;
    const { log, counter, counts } = recorder();
    const cache = new AccountFactsCache({
      loader: async () => {
        calls++;
        if (calls === 3) throw new Error('ThrottlingException');
        return facts;
      },
      ttlMs: 1000,
      now: () => now,
      log,
      counter,
    });

    // Act
    await cache.get('111122223333');
    now = 999;
    await cache.get('111122223333');
    now = 1000;
    await cache.get('111122223333');
    now = 2000;
    const failed = await cache.get('111122223333');
    const recovered = await cache.get('111122223333');

    // Assess
    expect(calls).toBe(4);
    expect(failed).toMatchObject({ record: null, missing: 'ThrottlingException' });
    expect(failed.resource.configuration).toEqual({ collectionErrors: [] });
    expect(failed.resource.resourceType).toBe('AWS::::Account');
    expect(recovered.record).toBe(facts);
    expect(counts.get('AccountFactsUnavailable')).toBe(1);
  });

  it('without a loader, gives a fact-less account and says why', async () => {
    const facts = await new AccountFactsCache({ loader: null, ttlMs: 1 }).get('0123456789012');
    expect(facts.missing).toMatch(/collects no account-level facts/);
    expect(facts.resource).toMatchObject({ resourceType: 'AWS::::Account', resourceId: '0123456789012' });
  });

  it('refuses facts filed under another account', async () => {
    const facts = readFixture('config-items/account/s3-facts') as AccountFactsRecord;
    const result = await new AccountFactsCache({ loader: async () => facts, ttlMs: 1 }).get('444455556666');
    expect(result.record).toBeNull();
  });
});
