import { readField, readText } from '../engine/evaluate/config-fields.js';
import { judgeFlag } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName } from '../engine/evaluate/verdict.js';

// A DB snapshot says `encrypted`; a cluster snapshot says `storageEncrypted`.
const KINDS: Record<string, { label: string; field: string }> = {
  'AWS::RDS::DBSnapshot': { label: 'RDS snapshot', field: 'encrypted' },
  'AWS::RDS::DBClusterSnapshot': { label: 'RDS cluster snapshot', field: 'storageEncrypted' },
};

export default defineControl({
  id: 'rds-snapshot-encrypted',
  title: 'RDS DB snapshot and DB cluster snapshot are encrypted',
  service: 'rds',
  severity: 'high',
  resourceTypes: ['AWS::RDS::DBSnapshot', 'AWS::RDS::DBClusterSnapshot'],
  description:
    'The DB snapshot (encrypted) or DB cluster snapshot (storageEncrypted) is encrypted with a KMS key, so a copy or share of it cannot be read without that key.',
  rationale:
    'An unencrypted snapshot is a full copy of the database that anyone it is shared with, or anyone who can copy it, can restore and read; it fails the encryption-at-rest requirements of SOC 2, GDPR Art. 32 and HIPAA.',
  remediation: {
    guidance:
      'Copy the snapshot with a key and delete the plain one: aws rds copy-db-snapshot --kms-key-id <key> (or copy-db-cluster-snapshot), then delete-db-snapshot; encrypt the source database so new snapshots are encrypted.',
  },
  references: {
    awsConfigRule: 'RDS_SNAPSHOT_ENCRYPTED',
    securityHub: 'RDS.4',
    urls: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_CopySnapshot.html'],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration;
    const kind = KINDS[resource.resourceType] ?? { label: 'RDS snapshot', field: 'encrypted' };
    return judgeFlag(config, kind.field, {
      subject: `${kind.label} ${displayName(resource)}`,
      whenTrue: 'is encrypted',
      whenFalse: 'is not encrypted',
      observed: {
        kmsKeyId: readText(readField(config, 'kmsKeyId')),
        snapshotType: readText(readField(config, 'snapshotType')),
      },
    });
  },
});
