import { readFlag, readText, requireSetting } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'redshift-cluster-encrypted',
  title: 'Redshift cluster is encrypted at rest',
  service: 'redshift',
  severity: 'high',
  resourceTypes: ['AWS::Redshift::Cluster'],
  description:
    'The Redshift cluster has encrypted set, so its data blocks, system metadata and snapshots are encrypted with a KMS key or an HSM.',
  rationale:
    'A warehouse concentrates data from many systems; unencrypted, its storage and every snapshot of it are readable outside the cluster, failing encryption-at-rest requirements of SOC 2, GDPR Art. 32 and HIPAA.',
  remediation: {
    guidance:
      'aws redshift modify-cluster --cluster-identifier <id> --encrypted --kms-key-id <key> (console: Redshift > Clusters > Actions > Modify > Database configurations > Encryption); the migration runs in place.',
  },
  references: {
    awsConfigRule: 'REDSHIFT_CLUSTER_CONFIGURATION_CHECK',
    securityHub: 'Redshift.10',
    urls: ['https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html'],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const config = resource.configuration;
    const encrypted = requireSetting(readFlag(config, 'encrypted'), `Redshift cluster ${name}`, 'encrypted');
    if (!encrypted.ok) return encrypted.verdict;
    const observed = { encrypted: encrypted.value, kmsKeyId: readText(config, 'kmsKeyId') };
    return encrypted.value
      ? pass(`Redshift cluster ${name} is encrypted at rest.`, observed)
      : fail(`Redshift cluster ${name} is not encrypted at rest.`, observed);
  },
});
