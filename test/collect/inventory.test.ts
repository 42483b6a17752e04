import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { auditInventory, collectFrom as collect, removeTempDirs, restoreAccounts } from './audit-helpers.js';
import { ACCOUNT, awsError } from './mock-account.js';
import { bucket, type Item, iamUser, wellRunAccount } from './scenario.js';

afterEach(restoreAccounts);
afterAll(removeTempDirs);

const securityGroup = (index: number, region: string): Item => ({
  resourceType: 'AWS::EC2::SecurityGroup',
  resourceId: `sg-${index.toString(16).padStart(17, '0')}`,
  awsRegion: region,
  configuration: { groupId: `sg-${index}`, groupName: `app-${index}`, ipPermissions: [], ipPermissionsEgress: [] },
  supplementaryConfiguration: {},
});

describe('collector: AWS Config inventory', () => {
  it('follows NextToken across pages and stays within 0.05 Config calls per resource', async () => {
    // Prepare
    const groups = Array.from({ length: 250 }, (_, index) => securityGroup(index, 'eu-west-1'));
    const { account } = wellRunAccount({ 'eu-west-1': { recorder: 'regional', items: groups } });

    // Act
    const { summary, lines } = await collect(account);

    // Assess
    expect(account.callCount('SelectResourceConfig', 'eu-west-1')).toBe(3);
    const sent = account.stubs.find((entry) => entry.service === 'config' && entry.region === 'eu-west-1');
    const tokens = sent?.stub
      .calls()
      .map((call) => (call.args[0] as { input: { NextToken?: string } }).input.NextToken);
    expect(tokens?.filter(Boolean)).toHaveLength(2);
    expect(lines.items.filter((item) => item.resourceType === 'AWS::EC2::SecurityGroup')).toHaveLength(250);
    expect(summary.resources).toBe(254);
    expect(summary.configCalls / summary.resources).toBeLessThanOrEqual(0.05);
    const query = (
      lines.header.collector.queries as { region: string; pages: number; rows: number; complete: boolean }[]
    ).find((entry) => entry.region === 'eu-west-1');
    expect(query).toMatchObject({ pages: 3, rows: 250, complete: true });
  });

  it('fetches rows that lack fields with BatchGet and asks again for unprocessed keys', async () => {
    // Prepare
    const partial = Array.from({ length: 3 }, (_, index) =>
      bucket(`acme-partial-${index}`, 'eu-west-1', { partialRow: true }),
    );
    const { account, regions } = wellRunAccount({ 'eu-west-1': { recorder: 'regional', items: partial } });
    let first = true;
    account.on('BatchGetResourceConfig', (input) => {
      const keys = input.resourceKeys as { resourceType: string; resourceId: string }[];
      const items = regions['eu-west-1']?.items ?? [];
      const answered = first ? keys.slice(0, 1) : keys;
      const unprocessed = first ? keys.slice(1) : [];
      first = false;
      return {
        baseConfigurationItems: answered.map((key) => {
          const item = items.find((candidate) => candidate.resourceId === key.resourceId);
          return item
            ? {
                resourceType: item.resourceType,
                resourceId: item.resourceId,
                awsRegion: 'eu-west-1',
                accountId: ACCOUNT,
                configuration: JSON.stringify(item.configuration),
                supplementaryConfiguration: Object.fromEntries(
                  Object.entries(item.supplementaryConfiguration).map(([k, v]) => [k, JSON.stringify(v)]),
                ),
              }
            : {};
        }),
        unprocessedResourceKeys: unprocessed,
      };
    });

    // Act
    const { lines, summary } = await collect(account);

    // Assess
    expect(account.callCount('BatchGetResourceConfig')).toBe(2);
    const buckets = lines.items.filter((item) => String(item.resourceId).startsWith('acme-partial-'));
    expect(buckets).toHaveLength(3);
    for (const item of buckets)
      expect(typeof (item.supplementaryConfiguration as Record<string, unknown>).BucketVersioningConfiguration).toBe(
        'string',
      );
    expect(summary.errors).toEqual([]);
  });

  it('retries a ThrottlingException twice and then succeeds', async () => {
    // Prepare
    const { account } = wellRunAccount();
    const throttled = () => awsError('config', 'ThrottlingException', 'Rate exceeded');
    account.failFirst('SelectResourceConfig', 2, throttled);
    account.failFirst('GetAccountSummary', 2, () => awsError('iam', 'Throttling', 'Rate exceeded'));

    // Act
    const { lines, summary } = await collect(account, { regions: ['us-east-1'] });

    // Assess
    expect(account.callCount('SelectResourceConfig')).toBe(3);
    expect(account.callCount('GetAccountSummary')).toBe(3);
    expect(summary.errors).toEqual([]);
    expect(lines.items.map((item) => item.resourceId)).toContain('acme-invoices');
    expect(lines.facts.iam?.accountSummary).toMatchObject({ AccountMFAEnabled: 1 });
    expect(summary.calls).toBe(account.totalCalls());
  });
});

describe('collector: the recorded inventory', () => {
  it('is what the bundle keeps, and auditing the bundle copy gives the same findings', async () => {
    // Prepare
    const { account } = wellRunAccount();
    const { path } = await collect(account);

    // Act
    const live = await auditInventory(path);
    const copy = join(live.bundle, 'inventory.ndjson');
    const replay = await auditInventory(copy);

    // Assess
    expect(await readFile(copy, 'utf8')).toBe(await readFile(path, 'utf8'));
    const comparable = (findings: typeof live.findings) =>
      findings
        .map(({ runId: _run, evaluatedAt: _at, ...rest }) => rest)
        .sort((a, b) => `${a.controlId}${a.resourceId}`.localeCompare(`${b.controlId}${b.resourceId}`));
    expect(comparable(replay.findings)).toEqual(comparable(live.findings));
    expect(live.findings.length).toBeGreaterThan(20);
  });

  it('records the collection in the header: time, regions, collector, the queries used', async () => {
    // Prepare
    const { account } = wellRunAccount();

    // Act
    const { lines } = await collect(account);

    // Assess
    const { header } = lines;
    expect(header).toMatchObject({ format: 'compliance-auditor/inventory', formatVersion: 1 });
    expect(Date.parse(String(header.collectedAt))).not.toBeNaN();
    expect(header.collector).toMatchObject({
      name: 'compliance-auditor live collector',
      regions: ['us-east-1', 'eu-west-1'],
      accountId: ACCOUNT,
    });
    const queries = header.collector.queries as { api: string; expression: string }[];
    expect(queries).toHaveLength(2);
    for (const query of queries) {
      expect(query.api).toBe('SelectResourceConfig');
      expect(query.expression.length).toBeLessThanOrEqual(4096);
      expect(query.expression).toMatch(/WHERE resourceType IN \('AWS::/);
    }
    // IAM types are recorded in one region: only that region's query asks for them.
    expect(queries.filter((query) => query.expression.includes('AWS::IAM::User'))).toHaveLength(1);
  });

  it('collects an organization through an aggregator', async () => {
    // Prepare
    const { account } = wellRunAccount();
    const other = '444455556666';
    const rows = [
      { item: bucket('acme-invoices', 'us-east-1'), accountId: ACCOUNT },
      { item: bucket('member-data', 'eu-west-1', { partialRow: true }), accountId: other },
      { item: iamUser('carol'), accountId: other },
    ];
    const { selectRow, baseItem } = await import('./scenario.js');
    account
      .on('SelectAggregateResourceConfig', () => ({
        Results: rows.map(({ item, accountId }) => selectRow(item, accountId)),
      }))
      .on('BatchGetAggregateResourceConfig', (input) => ({
        BaseConfigurationItems: (input.ResourceIdentifiers as { ResourceId: string; SourceAccountId: string }[]).map(
          (id) => {
            const row = rows.find((entry) => entry.item.resourceId === id.ResourceId);
            return row ? baseItem(row.item, row.accountId) : {};
          },
        ),
        UnprocessedResourceIdentifiers: [],
      }));

    // Act
    const { lines, summary, path } = await collect(account, { aggregator: 'org-aggregator' });
    const audit = await auditInventory(path);

    // Assess
    expect(account.callCount('SelectResourceConfig')).toBe(0);
    expect(account.callCount('BatchGetAggregateResourceConfig')).toBe(1);
    expect(summary.accounts).toEqual([ACCOUNT, other]);
    expect(lines.items).toHaveLength(3);
    const query = (lines.header.collector.queries as { expression: string; aggregator: string }[])[0];
    expect(query?.aggregator).toBe('org-aggregator');
    expect(query?.expression).toMatch(/AND awsRegion IN \('us-east-1', 'eu-west-1', 'global'\)$/);
    // The member account has no facts of its own: its account controls say so.
    const memberRoot = audit.byControl('iam-root-mfa-enabled').find((finding) => finding.accountId === other);
    expect(memberRoot?.status).toBe('INSUFFICIENT_DATA');
  });
});
