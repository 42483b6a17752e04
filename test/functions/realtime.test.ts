/**
 * The real-time handler, fed EventBridge "Config Configuration Item Change"
 * events built from the documented shapes. Evidence goes to s3rver on
 * loopback through the function's own S3 client (AWS_ENDPOINT_URL_S3);
 * Config's API is mocked.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  BatchGetResourceConfigCommand,
  ConfigServiceClient,
  GetResourceConfigHistoryCommand,
} from '@aws-sdk/client-config-service';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { catalogMappings, catalogRegistry, CATALOG_VERSION, TOOL } from '../../engine/catalog.js';
import type { Manifest } from '../../engine/evidence/bundle-types.js';
import { LocalDirectoryStore } from '../../engine/evidence/store.js';
import { AccountFactsCache } from '../../engine/serverless/account-facts-cache.js';
import { runRealtime } from '../../engine/serverless/realtime.js';
import type { RemediationRequest } from '../../engine/serverless/remediation.js';
import { ConfigItemChangeEventSchema } from '../../engine/serverless/schemas/eventbridge.js';
import { ACCOUNT, lambdaContext, loadEvent, recorder, startS3rver } from './helpers.js';

type Handler = typeof import('../../functions/realtime.js');
const BUCKET = 'evidence-test';

describe('Handler: realtime', () => {
  const config = mockClient(ConfigServiceClient);
  let s3rver: Awaited<ReturnType<typeof startS3rver>>;
  let s3: S3Client;
  let mod: Handler;
  const context = lambdaContext('compliance-auditor-test-realtime');

  beforeAll(async () => {
    s3rver = await startS3rver([BUCKET]);
    vi.stubEnv('EVIDENCE_BUCKET', BUCKET);
    vi.stubEnv('EVIDENCE_KMS_KEY_ARN', 'arn:aws:kms:eu-west-1:111122223333:key/1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b');
    vi.stubEnv('ACCOUNT_FACTS', 'none');
    vi.stubEnv('AWS_ENDPOINT_URL_S3', s3rver.endpoint);
    // s3rver's one key pair.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'S3RVER');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'S3RVER');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    mod = await import('../../functions/realtime.js');
    s3 = new S3Client({
      region: 'us-east-1',
      endpoint: s3rver.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });
  afterEach(() => {
    config.reset();
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    config.restore();
    s3.destroy();
    await s3rver.stop();
    vi.unstubAllEnvs();
  });

  const read = async (key: string) => {
    const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from(await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
  };
  const keysUnder = async (prefix: string) =>
    ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))).Contents ?? []).map(
      (o) => o.Key ?? '',
    );

  it('judges the changed resource, writes its findings as a verifiable bundle, and hands failures to remediation', async () => {
    // Prepare
    const info = vi.spyOn(mod.logger, 'info');

    // Act
    const outcome = await mod.handler(loadEvent('eventbridge/config-item-change-security-group.json'), context);

    // Assess
    expect(outcome).toMatchObject({ status: 'evaluated', remediationRequested: 1 });
    if (outcome.status !== 'evaluated') return;
    const prefix = outcome.location.replace(`s3://${BUCKET}/`, '');
    expect(prefix).toMatch(new RegExp(`^evidence/${ACCOUNT}/eu-west-1/\\d{4}/\\d{2}/\\d{2}/${outcome.runId}/$`));
    expect((await keysUnder(prefix)).map((key) => key.slice(prefix.length)).sort()).toEqual([
      'findings.jsonl',
      'inventory.json',
      'manifest.json',
    ]);
    const manifestBytes = await read(`${prefix}manifest.json`);
    expect(createHash('sha256').update(manifestBytes).digest('hex')).toBe(outcome.manifestSha256);
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
    for (const file of manifest.files) {
      const bytes = await read(`${prefix}${file.path}`);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    }
    const findings = (await read(`${prefix}findings.jsonl`))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(findings.find((f) => f.controlId === 'ec2-security-group-no-public-admin-ports')).toMatchObject({
      status: 'FAIL',
      resourceId: 'sg-0a1b2c3d4e5f60718',
      configurationCaptureTime: '2026-11-20T06:14:03.127Z',
    });
    expect(manifest.findings.total).toBe(findings.length);
    const inventory = JSON.parse((await read(`${prefix}inventory.json`)).toString('utf8'));
    expect(inventory).toMatchObject({
      format: 'compliance-auditor/inventory',
      collector: { eventId: '3f1a6c2e-8b0d-4e57-9a1c-2d4b6f8e0a13' },
    });
    expect(info).toHaveBeenCalledWith(
      'Remediation is not enabled; failing findings left for review',
      expect.objectContaining({ controls: ['ec2-security-group-no-public-admin-ports'] }),
    );
  });

  it('reads an oversized item back from Config before judging it', async () => {
    // Prepare
    const history = loadEvent('config-rule/history-iam-user.json');
    config.on(GetResourceConfigHistoryCommand).resolves({
      configurationItems: history.configurationItems.map((item: Record<string, unknown>) => ({
        ...item,
        configurationItemCaptureTime: new Date(String(item.configurationItemCaptureTime)),
      })),
    });
    config.on(BatchGetResourceConfigCommand).resolves(loadEvent('config-rule/batch-get-group.json'));

    // Act
    const outcome = await mod.handler(loadEvent('eventbridge/config-item-change-oversized.json'), context);

    // Assess
    expect(config.commandCalls(GetResourceConfigHistoryCommand)[0]?.args[0].input).toMatchObject({
      resourceType: 'AWS::IAM::User',
      resourceId: 'AIDAEXAMPLEUSER00001',
      laterTime: new Date('2026-11-20T07:30:11.052Z'),
      limit: 1,
    });
    expect(outcome).toMatchObject({ status: 'evaluated' });
    if (outcome.status !== 'evaluated') return;
    const inventory = JSON.parse(
      (await read(`${outcome.location.replace(`s3://${BUCKET}/`, '')}inventory.json`)).toString('utf8'),
    );
    expect(inventory.configurationItems.map((item: { resourceType: string }) => item.resourceType)).toEqual([
      'AWS::IAM::User',
      'AWS::IAM::Group',
    ]);
  });

  it('skips a deleted resource and writes nothing', async () => {
    // Act
    const outcome = await mod.handler(loadEvent('eventbridge/config-item-change-deleted.json'), context);

    // Assess
    expect(outcome).toEqual({
      status: 'skipped',
      reason: 'AWS::EC2::SecurityGroup sg-0a1b2c3d4e5f60718 is ResourceDeleted',
    });
  });

  it('skips a type no control judges', async () => {
    // Prepare
    const event = loadEvent('eventbridge/config-item-change-security-group.json');
    event.detail.configurationItem.resourceType = 'AWS::SSM::Parameter';

    // Act
    const outcome = await mod.handler(event, context);

    // Assess
    expect(outcome).toEqual({ status: 'skipped', reason: 'no control judges AWS::SSM::Parameter' });
  });

  it.each([
    ['a scheduled event', loadEvent('eventbridge/scheduled-event.json')],
    ['a Config rule invocation', loadEvent('config-rule/change-security-group.json')],
    [
      'a change event without its item',
      {
        ...loadEvent('eventbridge/config-item-change-security-group.json'),
        detail: { messageType: 'ConfigurationItemChangeNotification' },
      },
    ],
    ['null', null],
  ])('acknowledges %s with a logged error and a metric, never a throw', async (_name, event) => {
    // Prepare
    const error = vi.spyOn(mod.logger, 'error');
    const metric = vi.spyOn(mod.metrics, 'addMetric');

    // Act
    const outcome = await mod.handler(event, context);

    // Assess
    expect(outcome).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/^not a valid Config Configuration Item Change event: /),
    });
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^Event rejected: /), expect.anything());
    expect(metric).toHaveBeenCalledWith('InvalidEvent', 'Count', 1);
  });
});

describe('Plug-in point: Remediator', () => {
  it('receives only the FAIL findings of the resource, with where their evidence is', async () => {
    // Prepare
    const requests: RemediationRequest[] = [];
    const { log, counter, counts } = recorder();
    const event = ConfigItemChangeEventSchema.parse(loadEvent('eventbridge/config-item-change-security-group.json'));
    const dir = join(await mkdtemp(join(tmpdir(), 'ca-realtime-')), 'bundle');

    // Act
    const outcome = await runRealtime(event, {
      registry: catalogRegistry(),
      mappings: catalogMappings(),
      config: new ConfigServiceClient({}),
      openStore: () => new LocalDirectoryStore(dir),
      remediator: { name: 'recording', remediate: async (request) => void requests.push(request) },
      accountFacts: new AccountFactsCache({ loader: null, ttlMs: 1 }),
      catalogVersion: CATALOG_VERSION,
      tool: TOOL,
      log,
      counter,
    });

    // Assess
    expect(outcome.status).toBe('evaluated');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.findings.map((f) => [f.controlId, f.status])).toEqual([
      ['ec2-security-group-no-public-admin-ports', 'FAIL'],
    ]);
    expect(requests[0]?.evidenceLocation).toBe(dir);
    expect(counts.get('RemediationRequests')).toBe(1);
    await rm(dirname(dir), { recursive: true, force: true });
  });
});
