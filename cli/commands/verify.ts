import { UsageError } from '../../engine/errors.js';
import { verifyBundle } from '../../engine/evidence/verify.js';
import type { Output } from '../main.js';

/** `verify DIR`: exit 0 when every file matches the manifest, 1 otherwise. */
export async function runVerifyCommand(directory: string | undefined, rest: string[], output: Output): Promise<number> {
  if (!directory || rest.length > 0) throw new UsageError('verify takes exactly one bundle directory');
  const result = await verifyBundle(directory);
  if (result.ok) {
    output.out(`OK: ${result.checked} files match the manifest of run ${result.runId}.`);
    output.out(`manifest.json SHA-256: ${result.manifestSha256}`);
    return 0;
  }
  output.out(`FAILED: bundle of run ${result.runId} does not match its manifest:`);
  for (const problem of result.problems) output.out(`  ${problem}`);
  return 1;
}
