import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { auditInventory, collectFrom as collect, removeTempDirs, restoreAccounts } from './audit-helpers.js';
import { ACCOUNT, awsError, reportInProgress } from './mock-account.js';
import { CREDENTIAL_REPORT_CSV, kmsKey, wellRunAccount } from './scenario.js';

afterEach(restoreAccounts);
afterAll(removeTempDirs);

describe('collector: account facts', () => {
  it('waits while the credential report is being generated', async () => {
    // Prepare
    const { account } = wellRunAccount();
    account.on('GenerateCredentialReport', () => ({
      State: 'STARTED',
      Description: 'No report exists. Starting a new report generation task',
    }));
    account.failFirst('GetCredentialReport', 2, reportInProgress);

    // Act
    const { lines, summary, path } = await collect(account, { regions: ['us-east-1'] });
    const audit = await auditInventory(path);

    // Assess
    expect(account.callCount('GetCredentialReport')).toBe(3);
    expect(lines.facts.iam?.credentialReport).toEqual({
      generatedTime: '2026-11-20T05:30:00.000Z',
      csv: CREDENTIAL_REPORT_CSV,
    });
    expect(summary.errors).toEqual([]);
    expect(audit.byControl('iam-user-console-mfa-enabled').map((finding) => finding.status)).toEqual(['PASS']);
  });

  it('records what AWS reports as none: no password policy, no account block, Security Hub off', async () => {
    // Prepare
    const { account } = wellRunAccount();
    account
      .on('GetAccountPasswordPolicy', () => {
        throw awsError(
          'iam',
          'NoSuchEntity',
          'The Password Policy with domain name 111122223333 cannot be found.',
          404,
        );
      })
      .on('s3control:GetPublicAccessBlock', () => {
        throw awsError(
          's3control',
          'NoSuchPublicAccessBlockConfiguration',
          'The public access block configuration was not found',
          404,
        );
      })
      .on('DescribeHub', () => {
        throw Object.assign(new Error(`Account ${ACCOUNT} is not subscribed to AWS Security Hub`), {
          name: 'InvalidAccessException',
          $metadata: { httpStatusCode: 401 },
        });
      });

    // Act
    const { lines, path, summary } = await collect(account);
    const audit = await auditInventory(path);

    // Assess
    expect(summary.errors).toEqual([]);
    expect(lines.facts.iam?.passwordPolicy).toBeNull();
    expect(lines.facts.s3?.accountPublicAccessBlock).toBeNull();
    expect(lines.facts.regions?.['us-east-1']?.securityHubEnabled).toBe(false);
    for (const control of [
      'iam-password-policy-strong',
      's3-account-public-access-block-enabled',
      'securityhub-enabled-all-regions',
    ]) {
      expect(audit.byControl(control).map((finding) => finding.status)).toEqual(['FAIL']);
    }
  });

  it('reads the rotation of customer keys whose Config item lacks it', async () => {
    // Prepare
    const { account } = wellRunAccount({
      'eu-west-1': { recorder: 'regional', items: [kmsKey('k-1', 'eu-west-1'), kmsKey('k-2', 'eu-west-1', false)] },
    });
    account.on('GetKeyRotationStatus', (input) => ({ KeyRotationEnabled: input.KeyId === 'k-1' }));

    // Act
    const { lines, path } = await collect(account);
    const audit = await auditInventory(path);

    // Assess
    expect(account.callCount('GetKeyRotationStatus')).toBe(1);
    expect(lines.facts.regions?.['eu-west-1']?.kmsKeyRotation).toEqual({ 'k-1': true });
    const status = (id: string) =>
      audit.byControl('kms-key-rotation-enabled').find((finding) => finding.resourceId === id)?.status;
    expect([status('k-1'), status('k-2')]).toEqual(['PASS', 'FAIL']);
  });

  it('collects an empty account', async () => {
    // Prepare
    const { account } = wellRunAccount({
      'us-east-1': { recorder: 'global', items: [] },
      'eu-west-1': { recorder: 'regional', items: [] },
    });
    account.on('DescribeTrails', () => ({ trailList: [] })).on('ListDetectors', () => ({ DetectorIds: [] }));

    // Act
    const { lines, path, summary } = await collect(account);
    const audit = await auditInventory(path);

    // Assess
    expect(summary).toMatchObject({
      accounts: [ACCOUNT],
      regions: ['us-east-1', 'eu-west-1'],
      resources: 0,
      errors: [],
    });
    expect(lines.items).toEqual([]);
    expect(lines.facts.cloudTrail).toEqual({});
    expect(audit.findings.every((finding) => finding.resourceType === 'AWS::::Account')).toBe(true);
    expect(audit.byControl('cloudtrail-multi-region-trail-enabled').map((finding) => finding.status)).toEqual(['FAIL']);
    expect(audit.byControl('guardduty-enabled-all-regions').map((finding) => finding.status)).toEqual(['FAIL']);
  });
});
