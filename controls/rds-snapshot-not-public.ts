import { readRestoreSharing } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, error, fail, insufficientData, notApplicable, pass } from '../engine/evaluate/verdict.js';
import { decodeErrorFor, readField, readText } from '../engine/evaluate/config-fields.js';

const KINDS: Record<string, { label: string; attributes: string }> = {
  'AWS::RDS::DBSnapshot': { label: 'RDS snapshot', attributes: 'DBSnapshotAttributes' },
  'AWS::RDS::DBClusterSnapshot': { label: 'RDS cluster snapshot', attributes: 'DBClusterSnapshotAttributes' },
};

export default defineControl({
  id: 'rds-snapshot-not-public',
  title: 'RDS DB snapshot and DB cluster snapshot are not public',
  service: 'rds',
  severity: 'critical',
  resourceTypes: ['AWS::RDS::DBSnapshot', 'AWS::RDS::DBClusterSnapshot'],
  description:
    'The restore attribute of the snapshot does not contain "all". Sharing with named accounts passes; the accounts are recorded as evidence for review.',
  rationale:
    'A public snapshot can be copied and restored by any AWS account, which hands over the complete database, credentials tables included; public RDS snapshots are a recurring cause of reported data exposures.',
  remediation: {
    guidance:
      'aws rds modify-db-snapshot-attribute --db-snapshot-identifier <id> --attribute-name restore --values-to-remove all (modify-db-cluster-snapshot-attribute for cluster snapshots; console: Snapshots > Actions > Share snapshot > Private).',
  },
  references: {
    awsConfigRule: 'RDS_SNAPSHOTS_PUBLIC_PROHIBITED',
    securityHub: 'RDS.1',
    urls: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html'],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const kind = KINDS[resource.resourceType] ?? { label: 'RDS snapshot', attributes: 'DBSnapshotAttributes' };
    const subject = `${kind.label} ${name}`;
    const decodeError = decodeErrorFor(resource, kind.attributes);
    if (decodeError) return error(`${subject} has unreadable ${kind.attributes}.`, { decodeError });
    const snapshotType = readText(readField(resource.configuration, 'snapshotType'));
    const sharing = readRestoreSharing(resource.supplementary[kind.attributes]);
    if (sharing.state === 'absent') {
      // RDS refuses to share automated snapshots; only a manual copy of one can be shared.
      if (snapshotType?.toLowerCase() === 'automated') {
        return notApplicable(`${subject} is an automated snapshot, which RDS does not allow to be shared.`, {
          snapshotType,
        });
      }
      return insufficientData(`${subject} has no recorded ${kind.attributes}.`, { snapshotType });
    }
    if (sharing.state === 'invalid') {
      return error(`${subject} has ${kind.attributes} in an unrecognised shape.`, { [kind.attributes]: sharing.raw });
    }
    const observed = { public: sharing.value.public, sharedWithAccounts: sharing.value.accounts, snapshotType };
    if (sharing.value.public) return fail(`${subject} can be restored by any AWS account.`, observed);
    return sharing.value.accounts.length > 0
      ? pass(`${subject} is shared only with account(s) ${sharing.value.accounts.join(', ')}.`, observed)
      : pass(`${subject} is not shared with any other account.`, observed);
  },
});
