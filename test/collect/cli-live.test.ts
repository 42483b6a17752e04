import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { removeTempDirs, tempDir } from './audit-helpers.js';
import { awsError, type MockAccount } from './mock-account.js';
import { wellRunAccount } from './scenario.js';

const accounts: MockAccount[] = [];
afterEach(() => {
  for (const account of accounts.splice(0)) account.restore();
});
afterAll(removeTempDirs);

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('CLI: audit --live usage', () => {
  it.each([
    [['audit', '--regions', 'us-east-1', '--input', 'x.json'], /--regions only go with --live/],
    [['audit', '--profile', 'audit', '--aggregator', 'org', '--demo'], /--profile, --aggregator only go with --live/],
    [['audit', '--live', '--input', 'x.json'], /give --live alone, not with --input or --demo/],
    [['audit', '--live', '--regions', 'us-east-1,nowhere'], /--regions: nowhere is not a region name/],
    [['audit', '--live', '--regions', ','], /--regions: \(none given\)/],
    [['permissions', 'extra'], /permissions takes no argument/],
  ])('%j exits 2 with one clear line', async (args, message) => {
    // Act
    const result = await run(...args);

    // Assess
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toMatch(message);
  });
});

describe('CLI: audit --live', () => {
  it('reports missing credentials in one line, exit 2, and writes nothing', async () => {
    // Prepare: a profile that exists in no file; the SDK fails before any request leaves.
    const dir = await tempDir();
    const empty = join(dir, 'empty');
    await writeFile(empty, '');
    const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };
    process.env.AWS_CONFIG_FILE = empty;
    process.env.AWS_SHARED_CREDENTIALS_FILE = empty;
    const out = join(dir, 'bundle');
    try {
      // Act
      const result = await run(
        'audit',
        '--live',
        '--profile',
        'ca-no-such-profile',
        '--regions',
        'us-east-1',
        '--out',
        out,
        '--quiet',
      );

      // Assess
      expect(result.code).toBe(2);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(result.err).toMatch(
        /^error: AWS credentials are missing or expired \(CredentialsProviderError: .*ca-no-such-profile/,
      );
      expect(existsSync(out)).toBe(false);
    } finally {
      for (const [name, value] of [
        ['AWS_CONFIG_FILE', saved.config],
        ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('reports expired credentials in one line, exit 2', async () => {
    // Prepare
    const { account } = wellRunAccount();
    accounts.push(account.mockPrototypes());
    account.on('GetCallerIdentity', () => {
      throw awsError('sts', 'ExpiredToken', 'The security token included in the request is expired', 403);
    });

    // Act
    const result = await run('audit', '--live', '--out', join(await tempDir(), 'bundle'), '--quiet');

    // Assess
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /^error: AWS credentials are missing or expired \(ExpiredToken: The security token included in the request is expired\)/,
    );
  });

  it('collects, prints a one-line summary on stderr, audits, and keeps the collected file as the population', async () => {
    // Prepare
    const { account } = wellRunAccount();
    accounts.push(account.mockPrototypes());
    const out = join(await tempDir(), 'bundle');

    // Act
    const result = await run('audit', '--live', '--regions', 'us-east-1,eu-west-1', '--out', out, '--quiet');

    // Assess
    expect(result.code).toBe(0);
    expect(result.err).toMatch(
      /^collected 6 resources from account\(s\) 111122223333 in 2 regions with \d+ AWS calls \(\d+ to AWS Config\); 0 collection errors$/,
    );
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as {
      run: { input: { description: string; path: string } };
    };
    expect(summary.run.input.description).toBe(
      'live collection of account(s) 111122223333 in us-east-1, eu-west-1 regions',
    );
    // The temporary inventory is gone; the bundle keeps its copy.
    expect(existsSync(summary.run.input.path)).toBe(false);
    const population = await readFile(join(out, 'inventory.ndjson'), 'utf8');
    expect(JSON.parse(population.split('\n')[0] ?? '{}')).toMatchObject({ inventoryRecord: 'header' });
    const replay = await run(
      'audit',
      '--input',
      join(out, 'inventory.ndjson'),
      '--out',
      join(await tempDir(), 'replay'),
      '--quiet',
    );
    expect(replay.code).toBe(0);
  });
});
