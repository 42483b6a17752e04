import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { auditInventory, collectFrom as collect, removeTempDirs, restoreAccounts } from './audit-helpers.js';
import { accessDenied, awsError } from './mock-account.js';
import { bucket, wellRunAccount, wireServiceApis } from './scenario.js';

afterEach(restoreAccounts);
afterAll(removeTempDirs);

describe('collector: partial permissions and failures', () => {
  it('records an AccessDenied with the IAM action and leaves the fact absent', async () => {
    // Prepare
    const { account } = wellRunAccount();
    for (const operation of [
      'GetAccountSummary',
      'GetAccountPasswordPolicy',
      'GenerateCredentialReport',
      'GetCredentialReport',
      'ListVirtualMFADevices',
    ]) {
      account.on(operation, () => {
        throw accessDenied('iam', `iam:${operation}`);
      });
    }

    // Act
    const { path, lines, summary } = await collect(account);
    const audit = await auditInventory(path);

    // Assess
    expect(summary.errors).toContainEqual(
      expect.objectContaining({
        service: 'iam',
        operation: 'GetAccountSummary',
        code: 'AccessDeniedException',
        permission: 'iam:GetAccountSummary',
      }),
    );
    expect(lines.facts.iam).toEqual({});
    expect(audit.byControl('iam-root-mfa-enabled').map((finding) => finding.status)).toEqual(['INSUFFICIENT_DATA']);
    expect(audit.byControl('iam-password-policy-strong').map((finding) => finding.status)).toEqual([
      'INSUFFICIENT_DATA',
    ]);
    // Nothing else was lost: the other services still answered.
    expect(audit.byControl('guardduty-enabled-all-regions').map((finding) => finding.status)).toEqual(['PASS']);
    const manifest = JSON.parse(await readFile(join(audit.bundle, 'summary.json'), 'utf8')) as {
      overall: { collectionErrors: unknown[] };
    };
    expect(manifest.overall.collectionErrors).toHaveLength(summary.errors.length);
  });

  it('keeps collecting the other regions when one region fails', async () => {
    // Prepare
    const { account } = wellRunAccount();
    const unreachable = (_input: Record<string, unknown>, region: string) => {
      if (region === 'eu-west-1')
        throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'Error', code: 'ECONNREFUSED' });
      return {};
    };
    for (const operation of [
      'DescribeConfigurationRecorders',
      'DescribeConfigurationRecorderStatus',
      'DescribeDeliveryChannels',
    ]) {
      const previous = account.handlers.get(operation);
      account.on(operation, (input, region) => {
        unreachable(input, region);
        return previous?.(input, region);
      });
    }

    // Act
    const { path, summary } = await collect(account);
    const audit = await auditInventory(path);

    // Assess
    expect(summary.errors.filter((error) => error.region === 'eu-west-1').map((error) => error.code)).toContain(
      'ECONNREFUSED',
    );
    expect(account.callCount('DescribeConfigurationRecorders', 'eu-west-1')).toBe(3);
    const [recorder] = audit.byControl('config-recorder-all-regions-enabled');
    expect(recorder?.status).toBe('INSUFFICIENT_DATA');
    expect(recorder?.reason).toMatch(/eu-west-1/);
    expect(audit.findings.some((finding) => finding.resourceId === 'acme-invoices')).toBe(true);
  });

  it('falls back to the S3 and IAM APIs where Config is not recording, and the recorder control fails', async () => {
    // Prepare
    const { account } = wellRunAccount({
      'us-east-1': { recorder: 'regional', items: [bucket('acme-invoices', 'us-east-1')] },
      'us-west-2': { recorder: 'none', items: [bucket('stale-from-config', 'us-west-2')] },
    });
    wireServiceApis(account);
    // Without the account-level block, the bucket policy alone decides whether the bucket is public.
    account.on('s3control:GetPublicAccessBlock', () => {
      throw awsError(
        's3control',
        'NoSuchPublicAccessBlockConfiguration',
        'The public access block configuration was not found',
        404,
      );
    });

    // Act
    const { path, lines, summary } = await collect(account, { regions: ['us-east-1', 'us-west-2'] });
    const audit = await auditInventory(path);

    // Assess
    expect(account.callCount('SelectResourceConfig', 'us-west-2')).toBe(0);
    const west = lines.items.find((item) => item.resourceId === 'acme-west-media');
    expect(west).toMatchObject({ resourceType: 'AWS::S3::Bucket', awsRegion: 'us-west-2', collectedThrough: 's3-api' });
    expect(lines.items.some((item) => item.resourceId === 'stale-from-config')).toBe(false);
    expect(lines.items.filter((item) => item.resourceId === 'acme-invoices')).toHaveLength(1);
    expect(lines.items.find((item) => item.resourceType === 'AWS::IAM::User')).toMatchObject({
      resourceId: 'AIDABOBEXAMPLE000001',
      collectedThrough: 'iam-api',
    });
    expect(summary.errors.map((error) => error.code)).toEqual(
      expect.arrayContaining(['NoConfigurationRecorder', 'GlobalResourceTypesNotRecorded']),
    );
    expect(audit.byControl('config-recorder-all-regions-enabled').map((finding) => finding.status)).toEqual(['FAIL']);
    const byBucket = (id: string) =>
      audit.byControl(id).find((finding) => finding.resourceId === 'acme-west-media')?.status;
    expect(byBucket('s3-bucket-versioning-enabled')).toBe('FAIL');
    expect(byBucket('s3-bucket-public-read-prohibited')).toBe('FAIL');
    expect(byBucket('s3-bucket-default-encryption-enabled')).toBe('PASS');
    expect(
      audit.byControl('iam-principal-no-full-admin').find((finding) => finding.resourceName === 'bob')?.status,
    ).toBe('FAIL');
    // The items built from the APIs decode as Config's own do: no control stumbles on them.
    expect(audit.findings.filter((finding) => finding.status === 'ERROR')).toEqual([]);
    expect(audit.findings.some((finding) => finding.resourceName === 'report-builder')).toBe(true);
  });

  it('stops cleanly when the signal aborts: the file is written and the rest is recorded', async () => {
    // Prepare
    const { account } = wellRunAccount();
    const controller = new AbortController();
    const previous = account.handlers.get('SelectResourceConfig');
    account.on('SelectResourceConfig', (input, region) => {
      controller.abort();
      return previous?.(input, region);
    });

    // Act
    const { lines, summary } = await collect(account, { signal: controller.signal });

    // Assess
    expect(lines.header.collector.stoppedEarly).toBe(true);
    expect(summary.errors.map((error) => error.code)).toContain('Aborted');
  });
});
