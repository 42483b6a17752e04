/**
 * The account-facts loader of the single-resource functions: the collector's
 * `collectAccountFacts`, with every AWS client mocked. Every service but STS
 * answers AccessDenied, so the facts come back empty and each denied call is
 * recorded as a collection error naming the permission.
 */
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { EC2Client } from '@aws-sdk/client-ec2';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyCollectorAccountFacts } from '../../engine/serverless/account-facts-lazy.js';
import { collectorAccountFacts } from '../../engine/serverless/account-facts-loader.js';
import { ACCOUNT } from './helpers.js';

const denied = Object.assign(new Error('User is not authorized to perform this action'), {
  name: 'AccessDeniedException',
  $metadata: { httpStatusCode: 403 },
});

describe('Function: collectorAccountFacts', () => {
  const mocks: { restore(): void }[] = [];
  const sts = mockClient(STSClient);

  beforeAll(() => {
    // One call per class: each has its own client type.
    mocks.push(
      mockClient(CloudTrailClient).rejects(denied),
      mockClient(ConfigServiceClient).rejects(denied),
      mockClient(EC2Client).rejects(denied),
      mockClient(GuardDutyClient).rejects(denied),
      mockClient(IAMClient).rejects(denied),
      mockClient(S3ControlClient).rejects(denied),
      mockClient(SecurityHubClient).rejects(denied),
    );
    sts
      .on(GetCallerIdentityCommand)
      .resolves({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/realtime/fn` });
  });
  afterAll(() => {
    for (const mock of mocks) mock.restore();
    sts.restore();
  });

  it('returns the account-facts record of the function’s own account, with what it could not read', async () => {
    // Act
    const record = await collectorAccountFacts({ region: 'eu-west-1', callTimeoutMs: 2000 })(ACCOUNT);

    // Assess
    expect(record).toMatchObject({ inventoryRecord: 'accountFacts', accountId: ACCOUNT });
    const permissions = (record.collectionErrors ?? []).map((error) => error.permission);
    expect(permissions).toContain('iam:GetAccountSummary');
    expect(permissions).toContain('s3:GetAccountPublicAccessBlock');
  });

  it('loads the collector on first use when lazy, with the same result', async () => {
    // Act
    const loader = lazyCollectorAccountFacts({ region: 'eu-west-1', callTimeoutMs: 2000 });
    const [first, second] = [await loader(ACCOUNT), await loader(ACCOUNT)];

    // Assess
    expect(first).toMatchObject({ inventoryRecord: 'accountFacts', accountId: ACCOUNT });
    expect(second.accountId).toBe(ACCOUNT);
  });

  it('refuses to file its own account’s facts under another account', async () => {
    await expect(collectorAccountFacts({ region: 'eu-west-1' })('444455556666')).rejects.toThrow(/not 444455556666/);
  });
});
