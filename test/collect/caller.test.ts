import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetAccountSummaryCommand } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsCaller, CollectionErrorLog, CollectorCallError, Semaphore } from '../../engine/collect/caller.js';
import { DEFAULT_MAX_ATTEMPTS, defaultClientFactory } from '../../engine/collect/clients.js';
import { ACCOUNT, awsError, MockAccount } from './mock-account.js';

const accounts: MockAccount[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const account of accounts.splice(0)) account.restore();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function account(): MockAccount {
  const mock = new MockAccount();
  accounts.push(mock);
  return mock;
}

describe('caller: one function for every call', () => {
  it('never runs more calls at once than the concurrency limit', async () => {
    // Prepare
    const mock = account();
    let active = 0;
    let peak = 0;
    mock.on('GetAccountSummary', async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      return { SummaryMap: {} };
    });
    const caller = new AwsCaller(mock.factory, { concurrency: 3, callTimeoutMs: 1_000 });

    // Act
    await Promise.all(Array.from({ length: 20 }, () => caller.send('us-east-1', new GetAccountSummaryCommand({}))));

    // Assess
    expect(peak).toBe(3);
    expect(caller.calls).toBe(20);
  });

  it('gives up on a call that does not answer within the timeout, after the retries', async () => {
    // Prepare
    const mock = account();
    mock.on('GetAccountSummary', () => new Promise(() => {}));
    const caller = new AwsCaller(mock.factory, { concurrency: 2, callTimeoutMs: 20 });

    // Act
    const failure = await caller.send('us-east-1', new GetAccountSummaryCommand({})).catch((error: unknown) => error);

    // Assess
    expect(failure).toBeInstanceOf(CollectorCallError);
    expect((failure as CollectorCallError).record).toMatchObject({
      service: 'iam',
      operation: 'GetAccountSummary',
      code: 'TimeoutError',
    });
    expect(mock.callCount('GetAccountSummary')).toBe(3);
  });

  it('does not retry a client error, and names the IAM action only when access is denied', async () => {
    // Prepare
    const mock = account();
    mock.on('GetAccountSummary', () => {
      throw awsError('iam', 'AccessDenied', 'not authorized to perform: iam:GetAccountSummary', 403);
    });
    mock.on('GetCallerIdentity', () => {
      throw awsError('sts', 'ValidationError', 'bad request');
    });
    const caller = new AwsCaller(mock.factory, { concurrency: 2, callTimeoutMs: 1_000 });

    // Act
    const denied = await caller
      .send('us-east-1', new GetAccountSummaryCommand({}))
      .catch((error: CollectorCallError) => error.record);
    const invalid = await caller
      .send('us-east-1', new GetCallerIdentityCommand({}))
      .catch((error: CollectorCallError) => error.record);

    // Assess
    expect(denied).toMatchObject({ code: 'AccessDenied', permission: 'iam:GetAccountSummary', region: 'us-east-1' });
    expect(invalid).not.toHaveProperty('permission');
    expect(mock.callCount('GetAccountSummary') + mock.callCount('GetCallerIdentity')).toBe(2);
  });

  it('lists one collection error per denied action, with a count', () => {
    // Prepare
    const log = new CollectionErrorLog();
    const record = {
      service: 's3',
      operation: 'GetBucketPolicy',
      region: 'us-west-2',
      code: 'AccessDenied',
      message: 'Access Denied',
      permission: 's3:GetBucketPolicy',
    };

    // Act
    for (let i = 0; i < 5; i++) log.add({ ...record });

    // Assess
    expect(log.list()).toEqual([{ ...record, message: 'Access Denied (5 calls failed alike)' }]);
  });

  it('hands a released slot to the next waiter', async () => {
    // Prepare
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    const order: string[] = [];

    // Act
    const waiter = semaphore.acquire().then((next) => {
      order.push('waiter');
      return next;
    });
    release();
    const late = semaphore.acquire().then((next) => {
      order.push('late');
      return next;
    });
    (await waiter)();
    (await late)();

    // Assess
    expect(order).toEqual(['waiter', 'late']);
  });
});

describe('caller: the default clients follow the SDK standard configuration', () => {
  it('retry adaptively, with the collector default unless AWS_MAX_ATTEMPTS says otherwise', async () => {
    // Prepare
    const factory = defaultClientFactory({ callTimeoutMs: 1_000, concurrency: 4, env: {} });
    const withEnv = defaultClientFactory({ callTimeoutMs: 1_000, concurrency: 4, env: { AWS_MAX_ATTEMPTS: '2' } });

    // Act
    const strategy = (await factory('config', 'eu-west-1').config.retryStrategy()) as { mode?: string };
    const attempts = await factory('config', 'eu-west-1').config.maxAttempts();
    const s3 = factory('s3', 'eu-west-1') as S3Client;

    // Assess
    expect(strategy.mode).toBe('adaptive');
    expect(attempts).toBe(DEFAULT_MAX_ATTEMPTS);
    expect(withEnv('iam', 'us-east-1').config.maxAttempts).toBeTypeOf('function');
    expect(s3.config.forcePathStyle).toBe(false);
    factory.destroyAll();
    withEnv.destroyAll();
  });

  it('use path-style S3 addressing when the environment names a custom S3 endpoint', () => {
    // Prepare
    const factory = defaultClientFactory({
      callTimeoutMs: 1_000,
      concurrency: 4,
      env: { AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4566' },
    });

    // Act
    const s3 = factory('s3', 'us-east-1') as S3Client;

    // Assess
    expect(s3.config.forcePathStyle).toBe(true);
    factory.destroyAll();
  });

  it('send to the endpoint AWS_ENDPOINT_URL_STS names, retried by the caller alone', async () => {
    // Prepare: a local endpoint answering STS GetCallerIdentity as the Query API documents it.
    const requests: string[] = [];
    let unavailable = false;
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        requests.push(body);
        if (unavailable) {
          response.writeHead(503, { 'content-type': 'text/xml' });
          response.end(
            '<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>Service is unavailable</Message></Error><RequestId>1</RequestId></ErrorResponse>',
          );
          return;
        }
        response.writeHead(200, { 'content-type': 'text/xml' });
        response.end(
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${ACCOUNT}:user/auditor</Arn><UserId>AIDAAUDITOR000000001</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const previous = { url: process.env.AWS_ENDPOINT_URL_STS, attempts: process.env.AWS_MAX_ATTEMPTS };
    process.env.AWS_ENDPOINT_URL_STS = `http://127.0.0.1:${port}`;
    process.env.AWS_MAX_ATTEMPTS = '3';
    const factory = defaultClientFactory({ callTimeoutMs: 2_000, concurrency: 2 });
    try {
      const caller = new AwsCaller(factory, { concurrency: 2, callTimeoutMs: 2_000 });

      // Act
      const identity = await caller.send('us-east-1', new GetCallerIdentityCommand({}));

      unavailable = true;
      const failure = await caller
        .send('us-east-1', new GetCallerIdentityCommand({}))
        .catch((error: CollectorCallError) => error.record);

      // Assess
      expect(identity.Account).toBe(ACCOUNT);
      expect(requests[0]).toContain('Action=GetCallerIdentity');
      // One retry loop, the caller's, with the SDK's strategy: exactly AWS_MAX_ATTEMPTS requests, not attempts squared.
      expect(failure).toMatchObject({ service: 'sts', code: 'ServiceUnavailable' });
      expect(requests).toHaveLength(1 + 3);
    } finally {
      for (const [name, value] of [
        ['AWS_ENDPOINT_URL_STS', previous.url],
        ['AWS_MAX_ATTEMPTS', previous.attempts],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      factory.destroyAll();
    }
  });
});
