import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readField, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'efs-file-system-backup-enabled',
  title: 'EFS file system has automatic backups enabled',
  service: 'efs',
  severity: 'medium',
  resourceTypes: ['AWS::EFS::FileSystem'],
  description:
    'The EFS file system has its backup policy set to ENABLED, which puts it in the AWS Backup default plan (daily backups, 35-day retention).',
  rationale:
    'Without automatic backups a deleted directory, an overwrite or ransomware on a mounting host cannot be rolled back, and there is no evidence that file data is recoverable.',
  remediation: {
    guidance:
      'aws efs put-backup-policy --file-system-id <fs-id> --backup-policy Status=ENABLED (console: EFS > File systems > Edit > Automatic backups), or add the file system to an AWS Backup plan.',
  },
  references: {
    urls: [
      'https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html',
      'https://docs.aws.amazon.com/efs/latest/ug/API_BackupPolicy.html',
    ],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const policy = readField(resource.configuration, 'BackupPolicy');
    const status = readText(readField(policy, 'Status'));
    if (status === null) {
      return insufficientData(`EFS file system ${name} has no recorded backup policy.`, {
        backupPolicy: policy ?? null,
      });
    }
    const observed = { backupPolicyStatus: status };
    return status.toUpperCase() === 'ENABLED'
      ? pass(`EFS file system ${name} has automatic backups enabled.`, observed)
      : fail(`EFS file system ${name} has its backup policy set to ${status}.`, observed);
  },
});
