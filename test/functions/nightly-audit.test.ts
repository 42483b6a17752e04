/**
 * The nightly audit: the handler with the collector replaced by a fake that
 * writes the bundled demo account (the collector has its own tests), the
 * evidence written to s3rver on loopback; and the run's two stops, the early
 * timeout (stop collecting, still write) and the deadline (abort the uploads).
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CATALOG_VERSION, catalogMappings, catalogRegistry, DEMO_INVENTORY, TOOL } from '../../engine/catalog.js';
import { EvidenceWriteError } from '../../engine/errors.js';
import type { Manifest } from '../../engine/evidence/bundle-types.js';
import { evidencePrefix } from '../../engine/evidence/s3-layout.js';
import { S3EvidenceStore } from '../../engine/evidence/s3-store.js';
import { runNightlyAudit } from '../../engine/serverless/nightly-audit.js';
import { ACCOUNT, lambdaContext, loadEvent, recorder, startS3rver } from './helpers.js';

const collect = vi.hoisted(() => ({
  calls: [] as { options: { signal?: AbortSignal; regions?: string[] }; path: string }[],
  waitForSignal: false,
}));

/** The collector's entry point, faked: it "collects" the demo account, or waits for the signal first. */
vi.mock('../../engine/collect/index.js', () => ({
  collectToFile: async (options: { signal?: AbortSignal; regions?: string[] }, path: string) => {
    collect.calls.push({ options, path });
    if (collect.waitForSignal) {
      await new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve(), { once: true }));
    }
    await copyFile(DEMO_INVENTORY, path);
    return { accounts: [ACCOUNT], regions: options.regions ?? [], resources: 0, calls: 0, configCalls: 0, errors: [] };
  },
}));

type Handler = typeof import('../../functions/nightly-audit.js');
const BUCKET = 'evidence-nightly';

describe('Handler: nightlyAudit', () => {
  let s3rver: Awaited<ReturnType<typeof startS3rver>>;
  let s3: S3Client;
  let mod: Handler;

  beforeAll(async () => {
    s3rver = await startS3rver([BUCKET]);
    vi.stubEnv('EVIDENCE_BUCKET', BUCKET);
    vi.stubEnv('AWS_ENDPOINT_URL_S3', s3rver.endpoint);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'S3RVER');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'S3RVER');
    vi.stubEnv('STOP_COLLECTING_BEFORE_MS', '20000');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    mod = await import('../../functions/nightly-audit.js');
    s3 = new S3Client({
      region: 'us-east-1',
      endpoint: s3rver.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });
  afterEach(() => {
    collect.calls.length = 0;
    collect.waitForSignal = false;
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    s3.destroy();
    await s3rver.stop();
    vi.unstubAllEnvs();
  });

  const read = async (key: string) => {
    const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from(await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
  };

  it('collects, audits and writes a bundle that verifies, under evidence/<account>/<region>/<date>/<run>/', async () => {
    // Act
    const result = await mod.handler(
      loadEvent('eventbridge/scheduled-event.json'),
      lambdaContext('compliance-auditor-test-nightlyAudit'),
    );

    // Assess
    expect(result).toMatchObject({ stoppedEarly: false });
    if (!('runId' in result)) throw new Error('expected a run');
    expect(collect.calls[0]?.options.regions).toEqual(['us-east-1']);
    const prefix = result.location.replace(`s3://${BUCKET}/`, '');
    expect(prefix).toMatch(new RegExp(`^evidence/${ACCOUNT}/us-east-1/\\d{4}/\\d{2}/\\d{2}/${result.runId}/$`));
    const listing = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
    const manifestBytes = await read(`${prefix}manifest.json`);
    expect(createHash('sha256').update(manifestBytes).digest('hex')).toBe(result.manifestSha256);
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
    expect(listing.KeyCount).toBe(manifest.files.length + 1);
    for (const file of manifest.files) {
      expect(
        createHash('sha256')
          .update(await read(`${prefix}${file.path}`))
          .digest('hex'),
      ).toBe(file.sha256);
    }
    expect(manifest.findings.total).toBe(result.findings.total);
    // The collected inventory does not outlive the run in the function's /tmp.
    await expect(stat(dirname(collect.calls[0]?.path ?? ''))).rejects.toThrow(/ENOENT/);
  });

  it('stops collecting at the early timeout and still writes the evidence of what was collected', async () => {
    // Prepare: 20.1 s left and collection stops 20 s before the end, so the signal fires in 100 ms.
    collect.waitForSignal = true;
    const metric = vi.spyOn(mod.metrics, 'addMetric');

    // Act
    const result = await mod.handler(
      loadEvent('eventbridge/scheduled-event.json'),
      lambdaContext('compliance-auditor-test-nightlyAudit', 20_100),
    );

    // Assess
    expect(result).toMatchObject({ stoppedEarly: true });
    expect(collect.calls[0]?.options.signal?.aborted).toBe(true);
    expect(metric).toHaveBeenCalledWith('AuditStoppedEarly', 'Count', 1);
    if (!('location' in result)) throw new Error('expected a run');
    const manifest = JSON.parse(
      (await read(`${result.location.replace(`s3://${BUCKET}/`, '')}manifest.json`)).toString('utf8'),
    );
    expect(manifest.run.input.description).toMatch(/stopped early/);
  });

  it('acknowledges an event that is not the schedule, with a logged error and a metric', async () => {
    // Prepare
    const error = vi.spyOn(mod.logger, 'error');
    const metric = vi.spyOn(mod.metrics, 'addMetric');

    // Act
    const result = await mod.handler(
      loadEvent('config-rule/scheduled.json'),
      lambdaContext('compliance-auditor-test-nightlyAudit'),
    );

    // Assess
    expect(result).toMatchObject({ status: 'rejected' });
    expect(collect.calls).toHaveLength(0);
    expect(error).toHaveBeenCalledWith(
      expect.stringMatching(/^Event rejected: not a valid EventBridge Scheduled Event/),
      expect.anything(),
    );
    expect(metric).toHaveBeenCalledWith('InvalidEvent', 'Count', 1);
  });
});

describe('Function: runNightlyAudit at the deadline', () => {
  let s3: AwsClientStub<S3Client>;
  beforeAll(() => {
    s3 = mockClient(S3Client);
  });
  afterAll(() => s3.restore());

  it('aborts its unfinished uploads when the deadline fires mid-write, leaving no object and no inventory', async () => {
    // Prepare
    const deadline = new AbortController();
    s3.on(ListObjectsV2Command).resolves({ KeyCount: 0 });
    // The deadline fires while the first upload starts.
    s3.on(CreateMultipartUploadCommand).callsFake(() => {
      deadline.abort();
      return { UploadId: 'upload-1' };
    });
    s3.on(AbortMultipartUploadCommand).resolves({});
    const { log, counter } = recorder();
    const workDir = await mkdtemp(join(tmpdir(), 'ca-nightly-'));

    // Act
    const run = runNightlyAudit(
      { accountId: ACCOUNT, region: 'eu-west-1' },
      {
        collect: async (_options, path) => copyFile(DEMO_INVENTORY, path),
        collectOptions: {},
        // A small PutObject limit makes the first closed file a multipart upload.
        openStore: (location, signal) =>
          new S3EvidenceStore({
            client: new S3Client({}),
            bucket: BUCKET,
            prefix: evidencePrefix(location),
            signal,
            putObjectMax: 1024,
          }),
        registry: catalogRegistry(),
        mappings: catalogMappings(),
        catalogVersion: CATALOG_VERSION,
        tool: TOOL,
        workDir,
        log,
        counter,
      },
      { deadline: deadline.signal },
    );

    // Assess
    await expect(run).rejects.toThrow(EvidenceWriteError);
    expect(s3.commandCalls(UploadPartCommand)).toHaveLength(0);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(s3.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
    expect(s3.commandCalls(AbortMultipartUploadCommand).map((call) => call.args[0].input.UploadId)).toEqual([
      'upload-1',
    ]);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(workDir)).toEqual([]);
    await rm(workDir, { recursive: true, force: true });
  });
});
