import { readField, readText } from '../engine/evaluate/config-fields.js';
import { judgeFlag } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName } from '../engine/evaluate/verdict.js';

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
    const config = resource.configuration;
    return judgeFlag(config, 'encrypted', {
      subject: `Redshift cluster ${displayName(resource)}`,
      whenTrue: 'is encrypted at rest',
      whenFalse: 'is not encrypted at rest',
      observed: { kmsKeyId: readText(readField(config, 'kmsKeyId')) },
    });
  },
});
