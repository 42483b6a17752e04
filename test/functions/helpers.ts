/**
 * Helpers for the handler tests: fixture events, a Lambda context stub,
 * s3rver on loopback, and recorders for the engine's log and counter.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import type { Counter, Log } from '../../engine/serverless/telemetry.js';
import { readFixture } from '../helpers/fixtures.js';

/** A fixture event from test/fixtures/events/; a fresh copy on every call, safe to edit. */
// biome-ignore lint/suspicious/noExplicitAny: fixture events are free-form JSON edited in tests
export const loadEvent = (name: string): any => readFixture(join('events', name));

export const ACCOUNT = '111122223333';

/** What Lambda passes as the context; `remainingMs` drives Middy's early timeout. */
export function lambdaContext(functionName: string, remainingMs = 60_000): Context {
  const deadline = Date.now() + remainingMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/11/26/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export interface Recorded {
  log: Log;
  counter: Counter;
  lines: { level: string; message: string; extra?: Record<string, unknown> }[];
  counts: Map<string, number>;
}

/** A log and a counter that remember what they were given. */
export function recorder(): Recorded {
  const lines: Recorded['lines'] = [];
  const counts = new Map<string, number>();
  const at =
    (level: string) =>
    (message: string, extra?: Record<string, unknown>): void => {
      lines.push({ level, message, ...(extra ? { extra } : {}) });
    };
  return {
    log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    counter: { count: (name, value = 1) => counts.set(name, (counts.get(name) ?? 0) + value) },
    lines,
    counts,
  };
}

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

/** s3rver on 127.0.0.1 at a free port, in a temporary directory, with the given buckets. */
export async function startS3rver(buckets: string[]): Promise<{ endpoint: string; stop(): Promise<void> }> {
  // s3rver ships no types; the two methods used are declared above.
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const directory = await mkdtemp(join(tmpdir(), 'ca-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
