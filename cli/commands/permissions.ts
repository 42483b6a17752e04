import { collectorPolicyDocument } from '../../engine/collect/permissions.js';
import { UsageError } from '../../engine/errors.js';
import type { Output } from '../main.js';

/**
 * `permissions`: the read-only IAM policy `audit --live` needs, generated from
 * the collector's call table, ready for `aws iam create-policy --policy-document`.
 */
export async function runPermissionsCommand(sub: string | undefined, output: Output): Promise<number> {
  if (sub !== undefined) throw new UsageError(`permissions takes no argument (got "${sub}")`);
  output.out(JSON.stringify(collectorPolicyDocument(), null, 2));
  return 0;
}
