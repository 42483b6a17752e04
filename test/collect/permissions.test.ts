import { ListUsersCommand } from '@aws-sdk/client-iam';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { AwsCaller } from '../../engine/collect/caller.js';
import { collectToFile } from '../../engine/collect/index.js';
import {
  callSpecFor,
  collectorCalls,
  collectorPolicyDocument,
  UnlistedCommandError,
} from '../../engine/collect/permissions.js';
import { removeTempDirs, tempDir } from './audit-helpers.js';
import type { MockAccount } from './mock-account.js';
import { baseItem, bucket, dynamoTable, kmsKey, selectRow, wellRunAccount, wireServiceApis } from './scenario.js';

const accounts: MockAccount[] = [];
afterEach(() => {
  for (const account of accounts.splice(0)) account.restore();
});
afterAll(removeTempDirs);

describe('permissions: the policy generated from the call table', () => {
  it('is one read-only statement: sorted, unique actions on every resource', () => {
    // Act
    const policy = collectorPolicyDocument();

    // Assess
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement).toHaveLength(1);
    const [statement] = policy.Statement;
    expect(statement?.Sid).toMatch(/^[A-Za-z0-9]+$/);
    expect(statement).toMatchObject({ Effect: 'Allow', Resource: '*' });
    const actions = statement?.Action ?? [];
    expect(actions).toEqual([...new Set(actions)].sort());
    expect(actions).toEqual([...new Set(collectorCalls().map((call) => call.iamAction))].sort());
    // Read-only: no action that creates, changes or deletes, except asking IAM to build the credential report.
    const writes = actions.filter((action) => !/^[a-z0-9-]+:(Get|List|Describe|Select|BatchGet)/.test(action));
    expect(writes).toEqual(['iam:GenerateCredentialReport']);
  });

  it('is what `compliance-auditor permissions` prints', async () => {
    // Prepare
    const out: string[] = [];

    // Act
    const code = await main(['permissions'], { out: (text) => out.push(text), err: () => {} });

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual(collectorPolicyDocument());
  });

  it('refuses a command the table does not list', async () => {
    // Prepare
    const { account } = wellRunAccount();
    accounts.push(account);
    const caller = new AwsCaller(account.factory, { concurrency: 2, callTimeoutMs: 1_000 });

    // Act + Assess
    expect(() => callSpecFor(new ListUsersCommand({}))).toThrow(UnlistedCommandError);
    await expect(caller.send('us-east-1', new ListUsersCommand({}))).rejects.toThrow(/does not allow ListUsersCommand/);
    expect(account.totalCalls()).toBe(0);
  });
});

describe('permissions: least privilege, checked against what is sent', () => {
  it('a fully mocked account uses every action of the policy, and nothing else', async () => {
    // Prepare: one account exercising every path; Config missing in us-west-2 and recording no IAM types.
    const { account } = wellRunAccount({
      'us-east-1': {
        recorder: 'regional',
        items: [
          bucket('acme-invoices', 'us-east-1', { partialRow: true }),
          kmsKey('k-1', 'us-east-1'),
          dynamoTable('orders', 'us-east-1'),
        ],
      },
      'us-west-2': { recorder: 'none', items: [] },
    });
    accounts.push(account);
    wireServiceApis(account);
    account.on('GenerateCredentialReport', () => ({ State: 'STARTED' }));
    const organization = wellRunAccount().account;
    accounts.push(organization);
    const member = bucket('member-data', 'eu-west-1', { partialRow: true });
    organization
      .on('SelectAggregateResourceConfig', () => ({ Results: [selectRow(member, '444455556666')] }))
      .on('BatchGetAggregateResourceConfig', () => ({
        BaseConfigurationItems: [baseItem(member, '444455556666')],
        UnprocessedResourceIdentifiers: [],
      }));

    // Act
    const dir = await tempDir();
    await collectToFile({ regions: 'all', clientFactory: account.factory }, join(dir, 'account.ndjson'));
    await collectToFile(
      { regions: ['us-east-1'], aggregator: 'org', clientFactory: organization.factory },
      join(dir, 'org.ndjson'),
    );

    // Assess
    const sent = new Set([...account.operationsSent(), ...organization.operationsSent()]);
    const table = new Set(collectorCalls().map((call) => `${call.service}:${call.operation}`));
    expect([...sent].sort()).toEqual([...table].sort());
  });
});
