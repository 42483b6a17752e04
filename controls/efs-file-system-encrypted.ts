import { readField, readText } from '../engine/evaluate/config-fields.js';
import { judgeFlag } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'efs-file-system-encrypted',
  title: 'EFS file system is encrypted at rest',
  service: 'efs',
  severity: 'high',
  resourceTypes: ['AWS::EFS::FileSystem'],
  description: 'The EFS file system has Encrypted set, so file data and metadata at rest are encrypted with a KMS key.',
  rationale:
    'An unencrypted file system keeps shared files, often exports, uploads or application state, in clear on storage media, and fails the encryption-at-rest requirements of SOC 2, GDPR Art. 32 and HIPAA.',
  remediation: {
    guidance:
      'Encryption is fixed at creation: create an encrypted file system (aws efs create-file-system --encrypted --kms-key-id <key>), copy the data with AWS DataSync or AWS Backup restore, then switch mount targets.',
  },
  references: {
    awsConfigRule: 'EFS_ENCRYPTED_CHECK',
    securityHub: 'EFS.1',
    urls: ['https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html'],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration;
    return judgeFlag(config, 'Encrypted', {
      subject: `EFS file system ${displayName(resource)}`,
      whenTrue: 'is encrypted at rest',
      whenFalse: 'is not encrypted at rest',
      observedAs: 'encrypted',
      observed: { kmsKeyId: readText(readField(config, 'KmsKeyId')) },
    });
  },
});
