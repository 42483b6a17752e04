import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, notApplicable, pass } from '../engine/evaluate/verdict.js';
import { toIsoTime } from '../engine/normalize/decode.js';
import { readText } from '../engine/evaluate/config-fields.js';

const PENDING_STATES = new Set(['PendingDeletion', 'PendingReplicaDeletion']);
const DAY_MS = 86_400_000;

export default defineControl({
  id: 'kms-key-not-pending-deletion',
  title: 'Customer managed KMS key is not scheduled for deletion',
  service: 'kms',
  severity: 'high',
  resourceTypes: ['AWS::KMS::Key'],
  description:
    'A customer managed KMS key is not in the PendingDeletion or PendingReplicaDeletion state. AWS managed keys cannot be deleted and are not applicable.',
  rationale:
    'Once the waiting period ends the key material is destroyed and every ciphertext, backup and snapshot encrypted under it becomes unrecoverable; scheduling deletion is also a known ransomware and sabotage step.',
  remediation: {
    guidance:
      'If the deletion is not intended: KMS console → Customer managed keys → <key> → Key actions → Cancel key deletion, then enable the key; or aws kms cancel-key-deletion --key-id <key-id> && aws kms enable-key --key-id <key-id>.',
  },
  references: {
    awsConfigRule: 'KMS_CMK_NOT_SCHEDULED_FOR_DELETION',
    securityHub: 'KMS.3',
    urls: ['https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html'],
  },
  evaluate: ({ resource, asOf }) => {
    const config = resource.configuration ?? {};
    const name = displayName(resource);
    const manager = readText(config.keyManager);
    const state = readText(config.keyState);
    const observed: Record<string, unknown> = { keyManager: manager, keyState: state };
    if (manager === null) return insufficientData(`KMS key ${name} has no recorded keyManager.`, observed);
    if (manager === 'AWS') return notApplicable(`KMS key ${name} is AWS managed and cannot be deleted.`, observed);
    if (state === null) return insufficientData(`KMS key ${name} has no recorded keyState.`, observed);
    if (!PENDING_STATES.has(state)) return pass(`KMS key ${name} is in state ${state}.`, observed);

    // deletionDate is an epoch-milliseconds number in event-shaped items, an ISO string elsewhere.
    const deletionDate = toIsoTime(config.deletionDate);
    const daysUntilDeletion =
      deletionDate === null ? null : Math.ceil((Date.parse(deletionDate) - asOf.getTime()) / DAY_MS);
    const when = deletionDate === null ? 'on an unrecorded date' : `on ${deletionDate}`;
    return fail(`KMS key ${name} is in state ${state} and will be deleted ${when}.`, {
      ...observed,
      deletionDate,
      daysUntilDeletion,
    });
  },
});
