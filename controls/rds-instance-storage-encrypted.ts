import { readField, readText } from '../engine/evaluate/config-fields.js';
import { judgeFlag } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'rds-instance-storage-encrypted',
  title: 'RDS DB instance storage is encrypted at rest',
  service: 'rds',
  severity: 'high',
  resourceTypes: ['AWS::RDS::DBInstance'],
  description:
    'The DB instance has storageEncrypted set, so its storage, automated backups, read replicas and snapshots are encrypted with a KMS key. Aurora members report the encryption of their cluster.',
  rationale:
    'Unencrypted database storage leaves data readable from snapshots, copied volumes or decommissioned media, and fails the encryption-at-rest requirements of SOC 2, GDPR Art. 32 and HIPAA 164.312(a)(2)(iv).',
  remediation: {
    guidance:
      'Encryption cannot be turned on in place: snapshot the instance (aws rds create-db-snapshot), copy it with --kms-key-id (aws rds copy-db-snapshot), restore a new instance from the copy and switch clients to it.',
  },
  references: {
    awsConfigRule: 'RDS_STORAGE_ENCRYPTED',
    securityHub: 'RDS.3',
    urls: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html'],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration;
    return judgeFlag(config, 'storageEncrypted', {
      subject: `RDS instance ${displayName(resource)}`,
      whenTrue: 'has encrypted storage',
      whenFalse: 'has unencrypted storage',
      observed: {
        kmsKeyId: readText(readField(config, 'kmsKeyId')),
        engine: readText(readField(config, 'engine')),
        dBClusterIdentifier: readText(readField(config, 'dBClusterIdentifier')),
      },
    });
  },
});
