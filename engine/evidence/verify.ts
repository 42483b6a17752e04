/**
 * Recomputes every file's SHA-256 and size against a bundle's manifest, and
 * finds files the manifest does not list. What an auditor runs before
 * relying on a downloaded bundle.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EvidenceVerificationError } from '../errors.js';
import type { Manifest } from './bundle-types.js';

export interface VerificationResult {
  ok: boolean;
  manifestSha256: string;
  runId: string;
  checked: number;
  problems: string[];
}

async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * @example
 * const result = await verifyBundle('evidence/20261126T101500Z-1a2b3c4d');
 * if (!result.ok) console.error(result.problems.join('\n'));
 */
export async function verifyBundle(directory: string): Promise<VerificationResult> {
  let manifestText: Buffer;
  try {
    manifestText = await readFile(join(directory, 'manifest.json'));
  } catch (error) {
    const missing = await readdir(directory).then(
      () => false,
      () => true,
    );
    if (missing) throw new EvidenceVerificationError(`${directory}: no such bundle directory`, { cause: error });
    throw new EvidenceVerificationError(
      `${directory}: no manifest.json; the bundle is incomplete (a run that stops early writes no manifest)`,
    );
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestText.toString('utf8')) as Manifest;
  } catch (error) {
    throw new EvidenceVerificationError(`${directory}/manifest.json: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(manifest.files))
    throw new EvidenceVerificationError(`${directory}/manifest.json: has no files list`);
  const problems: string[] = [];
  for (const file of manifest.files) {
    try {
      const actual = await sha256File(join(directory, ...file.path.split('/')));
      if (actual.sha256 !== file.sha256) problems.push(`${file.path}: SHA-256 differs from the manifest (modified)`);
      else if (actual.bytes !== file.bytes) problems.push(`${file.path}: size differs from the manifest`);
    } catch {
      problems.push(`${file.path}: listed in the manifest but missing`);
    }
  }
  const listed = new Set([...manifest.files.map((f) => f.path), 'manifest.json']);
  for (const entry of await readdir(directory)) {
    if (!listed.has(entry)) problems.push(`${entry}: not listed in the manifest (added after the run)`);
  }
  return {
    ok: problems.length === 0,
    manifestSha256: createHash('sha256').update(manifestText).digest('hex'),
    runId: manifest.run?.runId ?? 'unknown',
    checked: manifest.files.length,
    problems,
  };
}
