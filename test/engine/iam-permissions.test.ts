import { describe, expect, it } from 'vitest';
import {
  analyseFullAdmin,
  ask,
  collectPrincipalPolicies,
  defaultPolicyVersion,
  describePolicies,
  describeUnresolved,
  findEscalationPaths,
  type PolicySource,
  type PrincipalPolicies,
  policyItemSource,
  policyUsage,
  principalLabel,
  scopeOf,
  singlePolicy,
} from '../../engine/evaluate/iam-permissions.js';
import { parsePolicy } from '../../engine/evaluate/policy.js';
import { contextOf } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const scope = { partition: 'aws', accountId: '111122223333' };

function source(statements: Record<string, unknown>[], name = 'test-policy'): PolicySource {
  const parsed = parsePolicy({ Version: '2012-10-17', Statement: statements });
  if (!parsed.ok) throw new Error(parsed.error);
  return { kind: 'inline', name, arn: null, viaGroup: null, versionId: null, statements: parsed.statements };
}

const holding = (statements: Record<string, unknown>[], boundary?: Record<string, unknown>[]): PrincipalPolicies => ({
  ...singlePolicy(source(statements)),
  boundary: boundary ? source(boundary, 'boundary') : null,
});

const admin = (statements: Record<string, unknown>[], boundary?: Record<string, unknown>[]) =>
  analyseFullAdmin(holding(statements, boundary), scope).fullAdmin;

const paths = (statements: Record<string, unknown>[]) =>
  findEscalationPaths(holding(statements), scope).map((p) => p.path);

describe('analyseFullAdmin', () => {
  it('recognises every spelling of "all actions on all resources"', () => {
    // Act & Assess
    expect(admin([{ Effect: 'Allow', Action: '*', Resource: '*' }])).toBe(true);
    expect(admin([{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }])).toBe(true);
    expect(admin([{ Effect: 'Allow', Action: '*:*', Resource: '*' }])).toBe(true);
    expect(admin([{ Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: '*' }])).toBe(true);
    expect(admin([{ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::payroll-exports/*' }])).toBe(true);
    expect(
      admin([
        { Effect: 'Allow', Action: '*', Resource: 'arn:aws:iam::111122223333:*' },
        { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      ]),
    ).toBe(true);
  });

  it('is not fooled by broad but partial grants', () => {
    // Act & Assess
    expect(admin([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }])).toBe(false);
    expect(admin([{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }])).toBe(false);
    expect(admin([{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::payroll-exports/*' }])).toBe(false);
    expect(admin([{ Effect: 'Allow', Action: '*', NotResource: '*' }])).toBe(false);
    // Actions without resource-level permissions (organizations:LeaveOrganization) are authorised only by "*".
    expect(admin([{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:*' }])).toBe(false);
    expect(
      admin([
        {
          Effect: 'Allow',
          Action: [
            'iam:CreateUser',
            'iam:AttachRolePolicy',
            'iam:PutUserPolicy',
            'sts:AssumeRole',
            'ec2:RunInstances',
            's3:GetObject',
            'kms:Decrypt',
            'organizations:LeaveOrganization',
          ],
          Resource: '*',
        },
      ]),
    ).toBe(false);
  });

  it('assembles admin from several statements and counts conditional grants', () => {
    // Act & Assess
    expect(
      admin([
        { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'IAM:*',
          Resource: '*',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ]),
    ).toBe(true);
  });

  it('lets only an unconditional Deny that covers a probe on any resource cut it', () => {
    // Prepare
    const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };
    // Act & Assess
    expect(admin([allowAll, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }])).toBe(false);
    expect(admin([allowAll, { Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*' }])).toBe(false);
    expect(
      admin([
        allowAll,
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } },
      ]),
    ).toBe(true);
    expect(
      admin([allowAll, { Effect: 'Deny', Action: 'iam:*', Resource: 'arn:aws:iam::111122223333:role/break-glass' }]),
    ).toBe(true);
    expect(admin([allowAll, { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }])).toBe(true);
  });

  it('keeps admin only inside a permissions boundary that allows it too', () => {
    // Prepare
    const allowAll = [{ Effect: 'Allow', Action: '*', Resource: '*' }];
    // Act
    const bounded = analyseFullAdmin(
      holding(allowAll, [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]),
      scope,
    );
    // Assess
    expect(bounded.fullAdmin).toBe(false);
    expect(bounded.blocked).toContainEqual({
      action: 'iam:CreateUser',
      reason: 'outside permissions boundary',
      by: [{ policy: 'boundary', type: 'inline' }],
    });
    expect(admin(allowAll, allowAll)).toBe(true);
    expect(admin(allowAll, [...allowAll, { Effect: 'Deny', Action: 'organizations:*', Resource: '*' }])).toBe(false);
  });

  it('names the granting policies, or the probes that are blocked', () => {
    // Act
    const granted = analyseFullAdmin(holding([{ Effect: 'Allow', Action: '*', Resource: '*' }]), scope);
    const denied = analyseFullAdmin(
      holding([
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: 'kms:*', Resource: '*' },
      ]),
      scope,
    );
    // Assess
    expect(granted.grantedBy).toEqual([{ policy: 'test-policy', type: 'inline' }]);
    expect(denied.blocked).toEqual([
      { action: 'kms:Decrypt', reason: 'denied', by: [{ policy: 'test-policy', type: 'inline' }] },
    ]);
  });
});

describe('findEscalationPaths', () => {
  it('finds single-action and combined paths, whatever the case of the action', () => {
    // Act & Assess
    expect(paths([{ Effect: 'Allow', Action: 'iam:CreatePolicyVersion', Resource: '*' }])).toEqual([
      'iam:CreatePolicyVersion',
    ]);
    expect(paths([{ Effect: 'Allow', Action: ['IAM:PassRole', 'EC2:RunInstances'], Resource: '*' }])).toEqual([
      'iam:PassRole + ec2:RunInstances',
    ]);
    expect(
      paths([
        {
          Effect: 'Allow',
          Action: ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'],
          Resource: 'arn:aws:iam::111122223333:role/*',
        },
      ]),
    ).toEqual(['iam:UpdateAssumeRolePolicy + sts:AssumeRole']);
  });

  it('needs every action of a path', () => {
    // Act & Assess
    expect(paths([{ Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction'], Resource: '*' }])).toEqual([]);
    expect(
      paths([
        { Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' },
      ]),
    ).toEqual(['iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction']);
  });

  it('counts a region-pinned resource pattern as broad, and named resources or conditions as narrow', () => {
    // Act & Assess
    expect(
      paths([
        {
          Effect: 'Allow',
          Action: 'lambda:UpdateFunctionCode',
          Resource: 'arn:aws:lambda:eu-west-1:111122223333:function:*',
        },
      ]),
    ).toEqual(['lambda:UpdateFunctionCode']);
    expect(
      paths([
        {
          Effect: 'Allow',
          Action: 'lambda:UpdateFunctionCode',
          Resource: 'arn:aws:lambda:eu-west-1:111122223333:function:orders-*',
        },
      ]),
    ).toEqual([]);
    expect(
      paths([
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
        },
        { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
      ]),
    ).toEqual([]);
    expect(
      paths([
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JavaScript template
        { Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::111122223333:user/${aws:username}' },
      ]),
    ).toEqual([]);
  });

  it('honours an unconditional Deny', () => {
    // Act & Assess
    expect(
      paths([
        { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
        { Effect: 'Deny', NotAction: ['iam:Get*', 'iam:List*'], Resource: '*' },
      ]),
    ).toEqual([]);
  });

  it('finds what IAMFullAccess and PowerUserAccess hold', () => {
    // Prepare
    const context = contextOf([]);
    const withManaged = (arn: string) =>
      collectPrincipalPolicies(
        loadItem('iam-role/baseline', (raw) => {
          raw.configuration.rolePolicyList = [];
          raw.configuration.attachedManagedPolicies = [{ policyName: arn.split('/').pop(), policyArn: arn }];
        }),
        context,
      );
    // Act
    const iamFull = findEscalationPaths(withManaged('arn:aws:iam::aws:policy/IAMFullAccess'), scope).map((p) => p.path);
    const power = findEscalationPaths(withManaged('arn:aws:iam::aws:policy/PowerUserAccess'), scope).map((p) => p.path);
    // Assess
    expect(iamFull).toContain('iam:AttachRolePolicy');
    expect(iamFull).not.toContain('iam:PassRole + ec2:RunInstances');
    expect(power).toEqual(['lambda:UpdateFunctionCode', 'glue:UpdateDevEndpoint']);
  });
});

describe('ask', () => {
  it('reports grant, deny and boundary separately', () => {
    // Prepare
    const held = holding(
      [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
      [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }],
    );
    // Act
    const answer = ask(held, 's3:GetObject', scope, false);
    // Assess
    expect(answer).toMatchObject({ allowed: false, outsideBoundary: true, deniedBy: [] });
  });

  it('ignores statements without Resource, which IAM rejects in identity policies', () => {
    // Act & Assess
    expect(ask(holding([{ Effect: 'Allow', Action: '*' }]), 's3:GetObject', scope, true).allowed).toBe(false);
  });
});

describe('collectPrincipalPolicies', () => {
  const policy = loadItem('iam-policy/baseline');
  const group = loadItem('iam-group/baseline');
  const user = loadItem('iam-user/baseline');

  it('gathers inline, AWS-managed and group policies of a user, URL-decoded', () => {
    // Act
    const held = collectPrincipalPolicies(user, contextOf([group, policy]));
    // Assess
    expect(held.identity.map((s) => [s.kind, s.name, s.viaGroup, s.versionId])).toEqual([
      ['inline', 'self-manage-credentials', null, null],
      ['aws-managed', 'IAMReadOnlyAccess', null, 'v4'],
      ['inline', 'deploy-platform-lambdas', 'platform-engineers', null],
      ['customer-managed', 'platform-observability-read', 'platform-engineers', 'v3'],
    ]);
    expect(held.identity[0]?.statements[0]?.actions).toContain('iam:EnableMFADevice');
    expect(held.unresolved).toEqual([]);
  });

  it('lists what is missing: customer-managed policies, groups of this account, the boundary', () => {
    // Prepare
    const otherAccountGroup = loadItem('iam-group/baseline', (raw) => {
      raw.awsAccountId = '444455556666';
      raw.ARN = 'arn:aws:iam::444455556666:group/platform-engineers';
    });
    const bounded = loadItem('iam-user/baseline', (raw) => {
      const config = JSON.parse(raw.configuration);
      config.permissionsBoundary = {
        permissionsBoundaryType: 'Policy',
        permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/workload-boundary',
      };
      raw.configuration = JSON.stringify(config);
    });
    // Act
    const held = collectPrincipalPolicies(bounded, contextOf([otherAccountGroup]));
    // Assess
    expect(held.unresolved).toEqual([
      { what: 'group platform-engineers', problem: 'not-in-inventory' },
      { what: 'permissions boundary arn:aws:iam::111122223333:policy/workload-boundary', problem: 'not-in-inventory' },
    ]);
    expect(held.boundaryUnresolved).toBe(true);
    expect(describeUnresolved(held.unresolved)).toBe(
      'group platform-engineers not in the inventory; permissions boundary arn:aws:iam::111122223333:policy/workload-boundary not in the inventory',
    );
  });

  it('keeps AWS-managed policies outside the table apart, and resolves an attached customer policy of a role', () => {
    // Act
    const held = collectPrincipalPolicies(loadItem('iam-role/baseline'), contextOf([policy]));
    // Assess
    expect(held.notAnalysed).toEqual(['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy']);
    expect(held.identity.map((s) => s.name)).toEqual(['orders-table-access', 'platform-observability-read']);
    expect(collectPrincipalPolicies(loadItem('iam-role/baseline'), contextOf([])).unresolved).toEqual([
      { what: 'arn:aws:iam::111122223333:policy/platform-observability-read', problem: 'not-in-inventory' },
    ]);
  });

  it('resolves a boundary, and flags an inline document that cannot be decoded', () => {
    // Prepare
    const role = loadItem('iam-role/baseline', (raw) => {
      raw.configuration.permissionsBoundary = {
        permissionsBoundaryType: 'Policy',
        permissionsBoundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
      };
      raw.configuration.rolePolicyList.push({ policyName: 'broken', policyDocument: '%7B%22Version%22%3A' });
    });
    // Act
    const held = collectPrincipalPolicies(role, contextOf([policy]));
    // Assess
    expect(held.boundary?.name).toBe('PowerUserAccess');
    expect(held.unresolved).toMatchObject([{ what: 'inline policy broken', problem: 'undecodable' }]);
  });
});

describe('collectPrincipalPolicies: boundaries we cannot read', () => {
  it('does not guess what an AWS-managed boundary outside the table allows', () => {
    // Prepare
    const role = loadItem('iam-role/baseline', (raw) => {
      raw.configuration.permissionsBoundary = {
        PermissionsBoundaryType: 'Policy',
        PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      };
    });
    // Act
    const held = collectPrincipalPolicies(role, contextOf([loadItem('iam-policy/baseline')]));
    // Assess
    expect(held.boundaryUnresolved).toBe(true);
    expect(describeUnresolved(held.unresolved)).toBe(
      'permissions boundary arn:aws:iam::aws:policy/ReadOnlyAccess is an AWS-managed policy whose document this tool does not hold',
    );
  });

  it('reports a boundary whose recorded default version is missing', () => {
    // Prepare
    const boundaryPolicy = loadItem('iam-policy/baseline', (raw) => {
      raw.arn = 'arn:aws:iam::111122223333:policy/workload-boundary';
      raw.resourceId = 'ANPAYH3EXAMPLEBOUNDARY';
      const config = JSON.parse(raw.configuration);
      config.defaultVersionId = 'v9';
      raw.configuration = JSON.stringify(config);
    });
    const role = loadItem('iam-role/baseline', (raw) => {
      raw.configuration.permissionsBoundary = {
        permissionsBoundaryType: 'Policy',
        permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/workload-boundary',
      };
    });
    // Act
    const held = collectPrincipalPolicies(role, contextOf([loadItem('iam-policy/baseline'), boundaryPolicy]));
    // Assess
    expect(held.unresolved).toEqual([
      {
        what: 'permissions boundary arn:aws:iam::111122223333:policy/workload-boundary',
        problem: 'no-default-version',
      },
    ]);
  });
});

describe('defaultPolicyVersion and policyItemSource', () => {
  it('takes the default version and ignores the others', () => {
    // Act
    const version = defaultPolicyVersion(loadItem('iam-policy/baseline'));
    // Assess
    expect(version.ok && version.versionId).toBe('v3');
    expect(version.ok && version.statements[0]?.sid).toBe('ReadMetricsAndLogs');
  });

  it('falls back to isDefaultVersion (boolean or string) and unwraps the RDK array form', () => {
    // Prepare
    const rdkStyle = loadItem('iam-policy/baseline', (raw) => {
      const config = JSON.parse(raw.configuration);
      delete config.defaultVersionId;
      config.policyVersionList = [
        {
          versionId: 'v1',
          isDefaultVersion: 'false',
          document: [{ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }],
        },
        {
          versionId: 'v2',
          isDefaultVersion: 'TRUE',
          document: [{ Statement: [{ Effect: 'Allow', Action: 's3:List*', Resource: '*' }] }],
        },
      ];
      raw.configuration = JSON.stringify(config);
    });
    // Act
    const version = defaultPolicyVersion(rdkStyle);
    // Assess
    expect(version.ok && version.versionId).toBe('v2');
  });

  it('says when the default version is missing', () => {
    // Prepare
    const noVersions = loadItem('iam-policy/baseline', (raw) => {
      const config = JSON.parse(raw.configuration);
      config.policyVersionList = [config.policyVersionList[1]];
      raw.configuration = JSON.stringify(config);
    });
    // Act & Assess
    expect(defaultPolicyVersion(noVersions)).toEqual({
      ok: false,
      problem: 'no-default-version',
      detail: 'default version v3 is not recorded',
    });
    expect(policyItemSource(noVersions).ok).toBe(false);
  });

  it('describes usage and recognises an AWS-managed policy item', () => {
    // Prepare
    const awsManaged = loadItem('iam-policy/baseline', (raw) => {
      raw.arn = 'arn:aws:iam::aws:policy/PowerUserAccess';
    });
    // Act & Assess
    expect(policyUsage(loadItem('iam-policy/baseline'))).toEqual({
      attachmentCount: 2,
      permissionsBoundaryUsageCount: 0,
      attached: true,
    });
    expect(policyItemSource(awsManaged)).toMatchObject({ ok: true, awsManaged: true });
  });
});

describe('labels', () => {
  it('names principals, scopes and policies', () => {
    // Act & Assess
    expect(principalLabel(loadItem('iam-group/baseline'))).toBe('IAM group');
    expect(scopeOf(loadItem('iam-role/baseline'))).toEqual(scope);
    expect(
      describePolicies([
        { policy: 'AdministratorAccess', type: 'aws-managed', viaGroup: 'admins' },
        { policy: 'ops', type: 'inline' },
        { policy: 'ops', type: 'inline' },
      ]),
    ).toBe('AWS-managed policy AdministratorAccess of group admins, inline policy ops');
  });
});
