import { readFlag, readText, requireSetting } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, pass } from '../engine/evaluate/verdict.js';

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
    const name = displayName(resource);
    const config = resource.configuration;
    const encrypted = requireSetting(readFlag(config, 'storageEncrypted'), `RDS cluster ${name}`, 'storageEncrypted');
    if (!encrypted.ok) return encrypted.verdict;
    const observed = {
      storageEncrypted: encrypted.value,
      kmsKeyId: readText(config, 'kmsKeyId'),
      engine: readText(config, 'engine'),
    };
    return encrypted.value
      ? pass(`RDS cluster ${name} has encrypted storage.`, observed)
      : fail(`RDS cluster ${name} has unencrypted storage.`, observed);
  },
});
