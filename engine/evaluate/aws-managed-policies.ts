/**
 * The few AWS-managed policies whose documents decide an IAM verdict.
 *
 * AWS Config does not record AWS-managed policies (only customer-managed
 * `AWS::IAM::Policy` items), so a principal's `attachedManagedPolicies` names
 * them without their documents. These are written from AWS's published
 * definitions in the AWS Managed Policy Reference
 * (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/), at the
 * default version noted on each entry. Any other AWS-managed policy is left
 * out on purpose: callers report it as not analysed.
 */

export interface AwsManagedPolicy {
  /** Path and name after `policy/`, e.g. `AdministratorAccess` or `job-function/ViewOnlyAccess`. */
  name: string;
  /** Default version the document was written from. */
  version: string;
  /** When AWS last edited that version, per the reference. */
  editedAt: string;
  document: Record<string, unknown>;
}

const POLICIES: readonly AwsManagedPolicy[] = [
  {
    name: 'AdministratorAccess',
    version: 'v1',
    editedAt: '2015-02-06',
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  },
  {
    name: 'PowerUserAccess',
    version: 'v12',
    editedAt: '2026-02-12',
    document: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: [
            'account:GetAccountInformation',
            'account:GetGovCloudAccountInformation',
            'account:GetPrimaryEmail',
            'account:ListRegions',
            'iam:CreateServiceLinkedRole',
            'iam:DeleteServiceLinkedRole',
            'iam:ListRoles',
            'organizations:DescribeEffectivePolicy',
            'organizations:DescribeOrganization',
          ],
          Resource: '*',
        },
      ],
    },
  },
  {
    name: 'IAMFullAccess',
    version: 'v2',
    editedAt: '2019-06-21',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'iam:*',
            'organizations:DescribeAccount',
            'organizations:DescribeOrganization',
            'organizations:DescribeOrganizationalUnit',
            'organizations:DescribePolicy',
            'organizations:ListChildren',
            'organizations:ListParents',
            'organizations:ListPoliciesForTarget',
            'organizations:ListRoots',
            'organizations:ListPolicies',
            'organizations:ListTargetsForPolicy',
          ],
          Resource: '*',
        },
      ],
    },
  },
  {
    name: 'IAMReadOnlyAccess',
    version: 'v4',
    editedAt: '2018-01-25',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'iam:GenerateCredentialReport',
            'iam:GenerateServiceLastAccessedDetails',
            'iam:Get*',
            'iam:List*',
            'iam:SimulateCustomPolicy',
            'iam:SimulatePrincipalPolicy',
          ],
          Resource: '*',
        },
      ],
    },
  },
];

const BY_NAME = new Map(POLICIES.map((policy) => [policy.name, policy]));

// Every partition (aws, aws-cn, aws-us-gov, ...) uses the account field "aws" for AWS-managed policies.
const AWS_MANAGED_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/;

/**
 * The path and name of an AWS-managed policy ARN, or null for any other ARN.
 *
 * @example
 * awsManagedPolicyName('arn:aws:iam::aws:policy/service-role/AWS_ConfigRole') // 'service-role/AWS_ConfigRole'
 */
export function awsManagedPolicyName(arn: string): string | null {
  return AWS_MANAGED_ARN.exec(arn)?.[1] ?? null;
}

/**
 * The recorded document of an AWS-managed policy, by ARN; undefined when the
 * ARN is not AWS-managed or the policy is not in the table.
 *
 * @example
 * lookupAwsManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess')?.version // 'v1'
 */
export function lookupAwsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  const name = awsManagedPolicyName(arn);
  return name === null ? undefined : BY_NAME.get(name);
}

/** Names of the AWS-managed policies in the table. */
export const AWS_MANAGED_POLICY_NAMES: readonly string[] = POLICIES.map((policy) => policy.name);
