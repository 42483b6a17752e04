import { describe, expect, it } from 'vitest';
import { analyseFullAdmin, ask, findEscalationPaths, scopeOf } from '../../engine/evaluate/iam-permissions.js';
import { collectPrincipalPolicies } from '../../engine/evaluate/iam-policy-sources.js';
import { contextOf } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { holding, SCOPE } from '../helpers/iam-fixtures.js';

const scope = SCOPE;

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

describe('labels', () => {
  it('names scopes', () => {
    // Act & Assess
    expect(scopeOf(loadItem('iam-role/baseline'))).toEqual(scope);
  });
});
