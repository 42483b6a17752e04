import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { auditInventory, collectFrom as collect, removeTempDirs, restoreAccounts } from './audit-helpers.js';
import { ACCOUNT, accessDenied, awsError } from './mock-account.js';
import { dynamoTable, wellRunAccount } from './scenario.js';

afterEach(restoreAccounts);
afterAll(removeTempDirs);

const PUBLIC_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Open',
      Effect: 'Allow',
      Principal: '*',
      Action: 'dynamodb:GetItem',
      Resource: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`,
    },
  ],
});

const supplementaryOf = (items: Record<string, unknown>[], id: string) =>
  items.find((item) => item.resourceId === id)?.supplementaryConfiguration as Record<string, unknown> | undefined;

describe('collector: DynamoDB table resource policies', () => {
  it('adds each table’s policy, or null when DynamoDB has none, in the table’s region and without Config calls', async () => {
    // Prepare: one table in each region, one of them partial (fetched again with BatchGet).
    const { account } = wellRunAccount({
      'us-east-1': { recorder: 'global', items: [dynamoTable('sessions', 'us-east-1')] },
      'eu-west-1': { recorder: 'regional', items: [dynamoTable('orders', 'eu-west-1', { partialRow: true })] },
    });
    const asked: { arn: unknown; region: string }[] = [];
    account.on('GetResourcePolicy', (input, region) => {
      asked.push({ arn: input.ResourceArn, region });
      if (String(input.ResourceArn).endsWith('/orders')) return { Policy: PUBLIC_POLICY, RevisionId: '1' };
      throw awsError('dynamodb', 'PolicyNotFoundException', 'Resource-based policy not found');
    });

    // Act
    const { lines, summary, path } = await collect(account);
    const audit = await auditInventory(path);

    // Assess
    expect(summary.errors).toEqual([]);
    expect(asked.sort((a, b) => a.region.localeCompare(b.region))).toEqual([
      { arn: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`, region: 'eu-west-1' },
      { arn: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/sessions`, region: 'us-east-1' },
    ]);
    expect(supplementaryOf(lines.items, 'orders')).toMatchObject({ ResourcePolicy: PUBLIC_POLICY });
    expect(supplementaryOf(lines.items, 'orders')?.ContinuousBackupsDescription).toEqual(expect.any(String));
    expect(supplementaryOf(lines.items, 'sessions')).toMatchObject({ ResourcePolicy: null });
    // DynamoDB calls leave the Config-call budget untouched.
    const configSent = account.stubs
      .filter((entry) => entry.service === 'config')
      .reduce((sum, entry) => sum + entry.stub.calls().length, 0);
    expect(summary.configCalls).toBe(configSent);
    expect(lines.header.collector.callsByOperation).toMatchObject({ 'dynamodb:GetResourcePolicy': 2 });
    const verdicts = Object.fromEntries(
      audit.byControl('dynamodb-table-not-public').map((finding) => [finding.resourceId, finding.status]),
    );
    expect(verdicts).toEqual({ orders: 'FAIL', sessions: 'PASS' });
  });

  it('leaves the policy out and names the permission when DynamoDB denies the call', async () => {
    // Prepare
    const { account } = wellRunAccount({
      'eu-west-1': { recorder: 'regional', items: [dynamoTable('orders', 'eu-west-1')] },
    });
    account.on('GetResourcePolicy', () => {
      throw accessDenied('dynamodb', 'dynamodb:GetResourcePolicy');
    });

    // Act
    const { lines, summary, path } = await collect(account);
    const audit = await auditInventory(path);

    // Assess
    expect(supplementaryOf(lines.items, 'orders')).not.toHaveProperty('ResourcePolicy');
    expect(summary.errors).toContainEqual(
      expect.objectContaining({
        service: 'dynamodb',
        operation: 'GetResourcePolicy',
        region: 'eu-west-1',
        permission: 'dynamodb:GetResourcePolicy',
      }),
    );
    const [finding] = audit.byControl('dynamodb-table-not-public');
    expect(finding?.status).toBe('INSUFFICIENT_DATA');
  });

  it('retries a throttled call through the shared caller', async () => {
    // Prepare
    const { account } = wellRunAccount({
      'eu-west-1': { recorder: 'regional', items: [dynamoTable('orders', 'eu-west-1')] },
    });
    account.on('GetResourcePolicy', () => ({ Policy: PUBLIC_POLICY }));
    account.failFirst('GetResourcePolicy', 1, () => awsError('dynamodb', 'ThrottlingException', 'Rate exceeded'));

    // Act
    const { lines, summary } = await collect(account);

    // Assess
    expect(account.callCount('GetResourcePolicy')).toBe(2);
    expect(summary.errors).toEqual([]);
    expect(supplementaryOf(lines.items, 'orders')).toMatchObject({ ResourcePolicy: PUBLIC_POLICY });
  });
});
