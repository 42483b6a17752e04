import { readField, readText } from '../engine/evaluate/config-fields.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { exposureObserved, readPolicyExposure } from '../engine/evaluate/resource-policy.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';

/** The NFS client actions a file system policy governs; `elasticfilesystem:*` and `*` cover all three. */
const CLIENT_ACTIONS = [
  'elasticfilesystem:ClientMount',
  'elasticfilesystem:ClientWrite',
  'elasticfilesystem:ClientRootAccess',
] as const;

/**
 * EFS sets this key to true for every request that arrives through a mount
 * target, so it names no principal, network or account: a statement it alone
 * conditions admits whoever can reach a mount target. EFS's own "is public"
 * test counts it as non-public; this control does not, as policy.ts does not
 * count aws:SourceIp of public ranges. The console's preset policies are such
 * statements, so they fail here.
 */
const MOUNT_TARGET_KEY = 'elasticfilesystem:accessedviamounttarget';

export default defineControl({
  id: 'efs-file-system-policy-not-public',
  title: 'EFS file system policy does not grant NFS client access to everyone',
  service: 'efs',
  severity: 'high',
  resourceTypes: ['AWS::EFS::FileSystem'],
  description:
    "No Allow statement of the file system policy grants ClientMount, ClientWrite or ClientRootAccess to a public principal unless a fixed condition pins it (aws:SourceVpc, aws:PrincipalOrgID, ...). Access limited by elasticfilesystem:AccessedViaMountTarget, like having no policy, rests on the mount targets' security groups, as EFS itself judges it.",
  rationale:
    'A public file system policy lets any client that reaches a mount target (through peering, a transit gateway, a VPN or a shared VPC) mount the file system, change its files and, with ClientRootAccess, act as root over all of them, with no IAM identity of this account.',
  remediation: {
    guidance:
      'EFS console → File systems → <file system> → File system policy → Edit: name the roles that mount it instead of "*", or add an aws:SourceVpc / aws:PrincipalOrgID condition; or aws efs put-file-system-policy --file-system-id <fs> --policy file://policy.json.',
  },
  references: {
    urls: [
      'https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html',
      'https://docs.aws.amazon.com/efs/latest/ug/access-control-block-public-access.html',
    ],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration ?? {};
    const subject = `EFS file system ${displayName(resource)}`;
    const read = readPolicyExposure({
      resource,
      policy: readField(config, 'FileSystemPolicy'),
      field: 'FileSystemPolicy',
      subject,
      policyName: 'file system policy',
      actions: CLIENT_ACTIONS,
      // The CloudFormation-registry shape leaves FileSystemPolicy out when DescribeFileSystemPolicy finds none.
      whenAbsent: () =>
        readText(readField(config, 'FileSystemId')) === null && readText(readField(config, 'Arn')) === null
          ? insufficientData(`${subject} has no recorded file system attributes.`)
          : pass(
              `${subject} has no file system policy, so client access rests on IAM identity policies and the security groups of its mount targets.`,
              { fileSystemPolicy: null },
            ),
    });
    if (!read.ok) return read.verdict;
    const { exposure } = read;
    // EFS counts access that must come through a mount target as not public:
    // it is the same reach as having no policy at all, bounded by the mount
    // targets' security groups. Such statements are reported, not failed.
    const viaMountTarget = (statement: (typeof exposure.public)[number]) =>
      Object.entries(statement.condition).some(
        ([operator, keys]) =>
          /^Bool/.test(operator) && (keys[MOUNT_TARGET_KEY] ?? []).some((value) => value.toLowerCase() === 'true'),
      );
    const mountTargetOnly = exposure.public.filter(viaMountTarget).map((statement) => statement.statement);
    const open = exposure.public.filter((statement) => !viaMountTarget(statement));
    const observed = { ...exposureObserved(exposure), publicViaMountTargetCondition: mountTargetOnly };
    if (open.length > 0) {
      const detail = open.map((s) => `${s.statement}: ${s.actions.join(', ')}`).join('; ');
      return fail(`${subject} has a file system policy granting client access to everyone (${detail}).`, observed);
    }
    if (mountTargetOnly.length > 0) {
      return pass(
        `${subject} grants client access to anyone who reaches a mount target (${mountTargetOnly.join(', ')}), so access rests on the mount targets' security groups.`,
        observed,
      );
    }
    return pass(`${subject} has a file system policy with no public client-access statement.`, observed);
  },
});
