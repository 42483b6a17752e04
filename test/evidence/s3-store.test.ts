/**
 * The S3 evidence store: against s3rver on loopback (a real bundle written
 * over the SDK and read back byte for byte), and against a mocked client for
 * what s3rver cannot show (nothing completed before the manifest, aborts,
 * checksums, encryption and retention headers).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { runAudit } from '../../engine/audit.js';
import { CATALOG_VERSION, catalogMappings, catalogRegistry, DEMO_INVENTORY, TOOL } from '../../engine/catalog.js';
import { EvidenceWriteError, UsageError } from '../../engine/errors.js';
import type { Manifest } from '../../engine/evidence/bundle-types.js';
import { checkEvidenceOut, openEvidenceStore } from '../../engine/evidence/open-store.js';
import { evidencePrefix, parseS3Url, s3ClientConfig } from '../../engine/evidence/s3-layout.js';
import { S3EvidenceStore } from '../../engine/evidence/s3-store.js';
import { LocalDirectoryStore } from '../../engine/evidence/store.js';
import { main } from '../../cli/main.js';

/** s3rver ships no types; this is the part the tests use. */
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;

const BUCKET = 'evidence';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const base64Sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

describe('Store: S3EvidenceStore against s3rver', () => {
  let dir: string;
  let server: S3rverInstance;
  let endpoint: string;
  let client: S3Client;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ca-s3rver-'));
    // Port 0: a free port chosen by the system; 127.0.0.1 only, never the network.
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: dir,
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    // s3rver knows one key pair, S3RVER/S3RVER.
    client = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = async (key: string): Promise<Buffer> => {
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from(await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
  };

  it('writes a real audit bundle that reads back byte for byte, every hash as the manifest says', async () => {
    // Prepare
    const registry = catalogRegistry();
    const mappings = catalogMappings();
    const when = new Date('2026-11-26T02:00:00.000Z');
    const runId = '20261126T020000Z-s3rver01';
    const prefix = evidencePrefix({ accountId: '111122223333', region: 'eu-west-1', date: when, runId });
    const common = {
      input: DEMO_INVENTORY,
      registry,
      mappings,
      catalogVersion: CATALOG_VERSION,
      tool: TOOL,
      runId,
      now: () => when,
    };
    // A small PutObject limit sends most files through multipart uploads, as large bundles do.
    const store = new S3EvidenceStore({
      client,
      bucket: BUCKET,
      prefix,
      kmsKeyId: 'alias/evidence',
      putObjectMax: 4096,
    });
    const local = join(dir, 'local-bundle');

    // Act
    const result = await runAudit({ ...common, store });
    await runAudit({ ...common, store: new LocalDirectoryStore(local) });

    // Assess
    expect(result.location).toBe(`s3://${BUCKET}/${prefix}`);
    expect(prefix).toBe(`evidence/111122223333/eu-west-1/2026/11/26/${runId}/`);
    const listing = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
    const keys = (listing.Contents ?? []).map((object) => object.Key?.slice(prefix.length)).sort();
    const manifestBytes = await get(`${prefix}manifest.json`);
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
    expect(keys).toEqual([...manifest.files.map((file) => file.path), 'manifest.json'].sort());
    expect(sha256(manifestBytes)).toBe(result.manifestFile.sha256);
    for (const file of manifest.files) {
      const bytes = await get(`${prefix}${file.path}`);
      expect({ path: file.path, sha256: sha256(bytes), bytes: bytes.length }).toEqual(file);
      expect(bytes.equals(await readFile(join(local, file.path))), file.path).toBe(true);
    }
    expect(manifestBytes.equals(await readFile(join(local, 'manifest.json')))).toBe(true);
  });

  it('streams a large file in parts and reassembles it exactly', async () => {
    // Prepare
    const store = new S3EvidenceStore({ client, bucket: BUCKET, prefix: 'large/run-1', partSize: 5 << 20 });
    await store.prepare();
    const writer = store.open('inventory.ndjson');
    const chunks: Buffer[] = [];

    // Act
    for (let i = 0; i < 12; i++) {
      const chunk = Buffer.from(`${JSON.stringify({ line: i, pad: 'x'.repeat(1 << 20) })}\n`);
      chunks.push(chunk);
      await writer.write(chunk);
    }
    const file = await writer.close();
    const manifest = store.open('manifest.json');
    await manifest.write(JSON.stringify({ files: [file] }));
    await manifest.close();

    // Assess
    const whole = Buffer.concat(chunks);
    const bytes = await get('large/run-1/inventory.ndjson');
    expect(bytes.length).toBe(whole.length);
    expect(sha256(bytes)).toBe(sha256(whole));
    expect(file).toEqual({ path: 'inventory.ndjson', sha256: sha256(whole), bytes: whole.length });
  });

  it('refuses a prefix that already holds an object', async () => {
    // Prepare
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'taken/run-1/manifest.json', Body: '{}' }));

    // Act
    const prepare = new S3EvidenceStore({ client, bucket: BUCKET, prefix: 'taken/run-1' }).prepare();

    // Assess
    await expect(prepare).rejects.toThrow(/prefix is not empty/);
  });

  it('audit --out s3://bucket/prefix writes the bundle there, through AWS_ENDPOINT_URL_S3 and path-style addressing', async () => {
    // Prepare
    vi.stubEnv('AWS_ENDPOINT_URL_S3', endpoint);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'S3RVER');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'S3RVER');
    const lines: string[] = [];

    try {
      // Act
      const code = await main(['audit', '--demo', '--out', `s3://${BUCKET}/cli/run-1`], {
        out: (text) => lines.push(text),
        err: (text) => lines.push(text),
      });

      // Assess
      expect(code).toBe(0);
      const manifest = JSON.parse((await get('cli/run-1/manifest.json')).toString('utf8')) as Manifest;
      for (const file of manifest.files) expect(sha256(await get(`cli/run-1/${file.path}`))).toBe(file.sha256);
      expect(lines.join('\n')).toContain(`Evidence bundle: s3://${BUCKET}/cli/run-1/`);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('Store: S3EvidenceStore commit and abort (mocked S3)', () => {
  // Mocked only inside this block: the s3rver tests above use the real client.
  let s3: AwsClientStub<S3Client>;
  beforeAll(() => {
    s3 = mockClient(S3Client);
  });
  afterEach(() => s3.reset());
  afterAll(() => s3.restore());

  const mockHappyS3 = () => {
    s3.on(ListObjectsV2Command).resolves({ KeyCount: 0 });
    let uploads = 0;
    s3.on(CreateMultipartUploadCommand).callsFake(() => ({ UploadId: `upload-${++uploads}` }));
    s3.on(UploadPartCommand).callsFake((input: { PartNumber: number }) => ({ ETag: `"etag-${input.PartNumber}"` }));
    s3.on(CompleteMultipartUploadCommand).resolves({});
    s3.on(PutObjectCommand).resolves({});
    s3.on(AbortMultipartUploadCommand).resolves({});
  };
  const newStore = (options: Partial<ConstructorParameters<typeof S3EvidenceStore>[0]> = {}) =>
    new S3EvidenceStore({
      client: new S3Client({}),
      bucket: BUCKET,
      prefix: 'evidence/111122223333/eu-west-1/2026/11/26/r1',
      partSize: 5 << 20,
      ...options,
    });
  const commandNames = () => s3.calls().map((call) => call.args[0].constructor.name);

  it('completes nothing before the manifest: an aborted run leaves no object behind', async () => {
    // Prepare
    mockHappyS3();
    const store = newStore();
    await store.prepare();
    const big = store.open('inventory.ndjson');
    await big.write(Buffer.alloc(6 << 20, 1));
    await big.close();
    const small = store.open('summary.json');
    await small.write('{}');
    await small.close();
    const open = store.open('findings.jsonl');
    await open.write(Buffer.alloc(5 << 20, 2));

    // Act
    await store.abort();

    // Assess
    expect(commandNames()).not.toContain('PutObjectCommand');
    expect(commandNames()).not.toContain('CompleteMultipartUploadCommand');
    const aborted = s3.commandCalls(AbortMultipartUploadCommand).map((call) => call.args[0].input.Key);
    expect(aborted.sort()).toEqual([
      'evidence/111122223333/eu-west-1/2026/11/26/r1/findings.jsonl',
      'evidence/111122223333/eu-west-1/2026/11/26/r1/inventory.ndjson',
    ]);
    expect(store.completedKeys).toEqual([]);
    // A second abort (runAudit's, then its caller's) sends nothing more.
    await store.abort();
    expect(s3.commandCalls(AbortMultipartUploadCommand)).toHaveLength(2);
  });

  it('commits at the manifest: every other file first, the manifest last, with SHA-256, SSE-KMS, retention and If-None-Match', async () => {
    // Prepare
    mockHappyS3();
    const retainUntil = new Date('2032-11-26T00:00:00Z');
    const store = newStore({
      kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k1',
      retention: { mode: 'COMPLIANCE', retainUntil },
    });
    await store.prepare();
    const big = store.open('inventory.ndjson');
    const part = Buffer.alloc(5 << 20, 7);
    await big.write(part);
    await big.write('tail\n');
    await big.close();
    const small = store.open('summary.json');
    small.write('{"ok":true}\n');
    await small.close();
    expect(commandNames()).not.toContain('PutObjectCommand');

    // Act
    const manifest = store.open('manifest.json');
    await manifest.write('{"files":[]}\n');
    await manifest.close();

    // Assess
    const names = commandNames();
    expect(names.at(-1)).toBe('PutObjectCommand');
    expect(s3.commandCalls(PutObjectCommand).at(-1)?.args[0].input.Key).toMatch(/\/manifest\.json$/);
    expect(names.indexOf('CompleteMultipartUploadCommand')).toBeLessThan(names.length - 1);
    const create = s3.commandCalls(CreateMultipartUploadCommand)[0]?.args[0].input;
    expect(create).toMatchObject({
      ChecksumAlgorithm: 'SHA256',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k1',
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: retainUntil,
    });
    const parts = s3.commandCalls(UploadPartCommand).map((call) => call.args[0].input);
    expect(parts.map((p) => [p.PartNumber, p.ChecksumAlgorithm, p.ChecksumSHA256])).toEqual([
      [1, 'SHA256', base64Sha256(part)],
      [2, 'SHA256', base64Sha256(Buffer.from('tail\n'))],
    ]);
    const complete = s3.commandCalls(CompleteMultipartUploadCommand)[0]?.args[0].input;
    expect(complete?.IfNoneMatch).toBe('*');
    expect(complete?.MultipartUpload?.Parts).toEqual([
      { PartNumber: 1, ETag: '"etag-1"', ChecksumSHA256: base64Sha256(part) },
      { PartNumber: 2, ETag: '"etag-2"', ChecksumSHA256: base64Sha256(Buffer.from('tail\n')) },
    ]);
    for (const call of s3.commandCalls(PutObjectCommand)) {
      const input = call.args[0].input;
      expect(input).toMatchObject({
        ChecksumAlgorithm: 'SHA256',
        ServerSideEncryption: 'aws:kms',
        IfNoneMatch: '*',
        ObjectLockMode: 'COMPLIANCE',
      });
      expect(input.ChecksumSHA256).toBe(base64Sha256(input.Body as Buffer));
    }
    expect(store.completedKeys.at(-1)).toMatch(/manifest\.json$/);
  });

  it('reports an upload failure at close, and refuses further writes without an unhandled rejection', async () => {
    // Prepare
    mockHappyS3();
    s3.on(UploadPartCommand).rejects(new Error('SlowDown'));
    const store = newStore();
    await store.prepare();
    const writer = store.open('inventory.ndjson');

    // Act: like the bundle writer's population copy, the write is not awaited.
    void writer.write(Buffer.alloc(5 << 20, 3));

    // Assess
    await expect(writer.close()).rejects.toThrow(EvidenceWriteError);
    expect(() => writer.write('more')).toThrow(/SlowDown/);
    await store.abort();
    expect(s3.commandCalls(AbortMultipartUploadCommand)).toHaveLength(1);
  });

  it('stops under an aborted signal, and still cleans up', async () => {
    // Prepare
    mockHappyS3();
    const controller = new AbortController();
    const store = newStore({ signal: controller.signal });
    await store.prepare();
    const writer = store.open('findings.jsonl');
    await writer.write(Buffer.alloc(5 << 20, 4));

    // Act
    controller.abort();
    const closing = writer.close();

    // Assess
    await expect(closing).rejects.toThrow(/stopped before/);
    await store.abort();
    expect(s3.commandCalls(AbortMultipartUploadCommand)).toHaveLength(1);
  });

  it('refuses a manifest while another file is still open', async () => {
    // Prepare
    mockHappyS3();
    const store = newStore();
    await store.prepare();
    store.open('findings.jsonl');
    const manifest = store.open('manifest.json');
    await manifest.write('{}');

    // Act
    const closing = manifest.close();

    // Assess
    await expect(closing).rejects.toThrow(/findings\.jsonl still open/);
    expect(commandNames()).not.toContain('PutObjectCommand');
  });
});

describe('Layout: evidence keys, s3:// URLs, endpoints', () => {
  it('lays a bundle out by account, region, UTC day and run', () => {
    expect(
      evidencePrefix({
        accountId: '111122223333',
        region: 'us-east-1',
        date: new Date('2026-01-02T23:59:59-05:00'),
        runId: 'r-1',
      }),
    ).toBe('evidence/111122223333/us-east-1/2026/01/03/r-1/');
    expect(() => evidencePrefix({ accountId: '../x', region: 'us-east-1', date: new Date(), runId: 'r' })).toThrow(
      UsageError,
    );
  });

  it.each([
    ['s3://audit-evidence/q3/run-7', { bucket: 'audit-evidence', prefix: 'q3/run-7/' }],
    ['s3://audit-evidence/q3/run-7/', { bucket: 'audit-evidence', prefix: 'q3/run-7/' }],
  ])('parses %s', (url, expected) => {
    expect(parseS3Url(url)).toEqual(expected);
  });

  it.each(['s3://audit-evidence', 's3://audit-evidence/', 's3://Bad_Bucket/x', 's3://b/../x'])('rejects %s', (url) => {
    expect(() => parseS3Url(url)).toThrow(UsageError);
  });

  it('uses a custom endpoint with path-style addressing, the S3-specific one first', () => {
    expect(s3ClientConfig({})).toEqual({});
    expect(s3ClientConfig({ AWS_ENDPOINT_URL: 'http://a:1' })).toEqual({
      endpoint: 'http://a:1',
      forcePathStyle: true,
    });
    expect(s3ClientConfig({ AWS_ENDPOINT_URL: 'http://a:1', AWS_ENDPOINT_URL_S3: 'http://s3:2' })).toEqual({
      endpoint: 'http://s3:2',
      forcePathStyle: true,
    });
  });

  it('checks --out and its retention settings before anything runs', async () => {
    expect(() => checkEvidenceOut('s3://audit-evidence')).toThrow(/key prefix/);
    expect(() => checkEvidenceOut('s3://audit-evidence/x', { EVIDENCE_OBJECT_LOCK_MODE: 'FOREVER' })).toThrow(
      UsageError,
    );
    expect(() => checkEvidenceOut('out/dir')).not.toThrow();
    expect(await openEvidenceStore('out/dir')).toBeInstanceOf(LocalDirectoryStore);
    const store = await openEvidenceStore('s3://audit-evidence/x', {
      EVIDENCE_OBJECT_LOCK_MODE: 'GOVERNANCE',
      EVIDENCE_RETAIN_DAYS: '30',
    });
    expect(store.location).toBe('s3://audit-evidence/x/');
  });
});
