import { readField, readText } from '../engine/evaluate/config-fields.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'ebs-snapshot-block-public-access-enabled',
  title: 'EBS snapshot block public access is set to block all sharing in the region',
  service: 'ebs',
  severity: 'high',
  resourceTypes: ['AWS::EC2::SnapshotBlockPublicAccess'],
  description:
    "The region's block public access for snapshots (one AWS::EC2::SnapshotBlockPublicAccess item per region) is block-all-sharing. block-new-sharing fails: snapshots shared publicly before it stay public. AWS Config does not record EBS snapshots, so this setting is how the catalog judges their public exposure.",
  rationale:
    'A public EBS snapshot can be copied by any AWS account and turned into a volume: the whole disk, with its databases, keys and credentials in files. Short of block-all-sharing, one modify-snapshot-attribute call makes a snapshot public, and snapshots made public earlier may still be.',
  remediation: {
    guidance:
      'In each region: aws ec2 enable-snapshot-block-public-access --state block-all-sharing --region <region> (EC2 console → Settings → Data protection and security → Block public access for EBS snapshots); then list leftovers with aws ec2 describe-snapshots --owner-ids self --restorable-by-user-ids all.',
  },
  references: {
    awsConfigRule: 'EBS_SNAPSHOT_BLOCK_PUBLIC_ACCESS',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/ebs-snapshot-block-public-access.html',
      'https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html',
    ],
  },
  evaluate: ({ resource }) => {
    const subject = `EBS snapshot block public access of account ${resource.accountId} in ${resource.region}`;
    const state = readText(readField(resource.configuration, 'State'));
    const observed = { state, region: resource.region };
    if (state === null) return insufficientData(`${subject} has no recorded state.`, observed);
    // AWS's managed rule counts only block-all-sharing as compliant, as this control does.
    switch (state.toLowerCase()) {
      case 'block-all-sharing':
        return pass(
          `${subject} is block-all-sharing: no snapshot can be shared publicly, and snapshots shared before are treated as private.`,
          observed,
        );
      case 'block-new-sharing':
        return fail(
          `${subject} is block-new-sharing: new public sharing is blocked, but snapshots already shared publicly stay public.`,
          observed,
        );
      case 'unblocked':
        return fail(`${subject} is unblocked: any snapshot in the region can be shared publicly.`, observed);
      default:
        return error(`${subject} has an unrecognised state ${state}.`, observed);
    }
  },
});
