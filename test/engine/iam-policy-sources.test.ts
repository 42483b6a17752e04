import { describe, expect, it } from 'vitest';
import { policyItemSource } from '../../engine/evaluate/iam-judgement.js';
import {
  collectPrincipalPolicies,
  defaultPolicyVersion,
  describePolicies,
  describeUnresolved,
} from '../../engine/evaluate/iam-policy-sources.js';
import { contextOf } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

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
      editJson(raw, 'configuration', (config) => {
        config.permissionsBoundary = {
          permissionsBoundaryType: 'Policy',
          permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/workload-boundary',
        };
      });
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
      editJson(raw, 'configuration', (config) => {
        config.defaultVersionId = 'v9';
      });
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
      editJson(raw, 'configuration', (config) => {
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
      });
    });
    // Act
    const version = defaultPolicyVersion(rdkStyle);
    // Assess
    expect(version.ok && version.versionId).toBe('v2');
  });

  it('says when the default version is missing', () => {
    // Prepare
    const noVersions = loadItem('iam-policy/baseline', (raw) => {
      editJson(raw, 'configuration', (config) => {
        config.policyVersionList = [config.policyVersionList[1]];
      });
    });
    // Act & Assess
    expect(defaultPolicyVersion(noVersions)).toEqual({
      ok: false,
      problem: 'no-default-version',
      detail: 'default version v3 is not recorded',
    });
    expect(policyItemSource(noVersions).ok).toBe(false);
  });
});

describe('labels', () => {
  it('names policies', () => {
    // Act & Assess
    expect(
      describePolicies([
        { policy: 'AdministratorAccess', type: 'aws-managed', viaGroup: 'admins' },
        { policy: 'ops', type: 'inline' },
        { policy: 'ops', type: 'inline' },
      ]),
    ).toBe('AWS-managed policy AdministratorAccess of group admins, inline policy ops');
  });
});
