import { readField, readText } from '../engine/evaluate/config-fields.js';
import { judgeFlag } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'rds-cluster-storage-encrypted',
  title: 'RDS DB cluster storage is encrypted at rest',
  service: 'rds',
  severity: 'high',
  resourceTypes: ['AWS::RDS::DBCluster'],
  description:
    'The Aurora or Multi-AZ DB cluster has storageEncrypted set, so its cluster volume, its instances, automated backups and snapshots are encrypted with a KMS key.',
  rationale:
    'An unencrypted cluster volume leaves every member instance and every snapshot readable outside the database, and fails the encryption-at-rest requirements of SOC 2, GDPR Art. 32 and HIPAA 164.312(a)(2)(iv).',
  remediation: {
    guidance:
      'Encryption cannot be turned on in place: snapshot the cluster (aws rds create-db-cluster-snapshot), restore it with aws rds restore-db-cluster-from-snapshot --kms-key-id <key>, then move clients to the new cluster.',
  },
  references: {
    awsConfigRule: 'RDS_CLUSTER_ENCRYPTED_AT_REST',
    securityHub: 'RDS.27',
    urls: ['https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html'],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration;
    return judgeFlag(config, 'storageEncrypted', {
      subject: `RDS cluster ${displayName(resource)}`,
      whenTrue: 'has encrypted storage',
      whenFalse: 'has unencrypted storage',
      observed: { kmsKeyId: readText(readField(config, 'kmsKeyId')), engine: readText(readField(config, 'engine')) },
    });
  },
});
