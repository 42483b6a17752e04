import { describe, expect, it } from 'vitest';
import {
  policyItemSource,
  policyUsage,
  preparePolicyItem,
  preparePrincipal,
  principalLabel,
  unresolvedPoliciesVerdict,
} from '../../engine/evaluate/iam-judgement.js';
import { contextOf } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { policyWith, roleWithInline, SCOPE } from '../helpers/iam-fixtures.js';

describe('policyUsage and policyItemSource', () => {
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
  it('names principals', () => {
    // Act & Assess
    expect(principalLabel(loadItem('iam-group/baseline'))).toBe('IAM group');
  });
});

describe('preparePrincipal and unresolvedPoliciesVerdict', () => {
  it('names the principal and gathers the evidence of what it holds', () => {
    // Act
    const judged = preparePrincipal(loadItem('iam-role/baseline'), contextOf([loadItem('iam-policy/baseline')]));
    // Assess
    expect(judged.name).toMatch(/^IAM role /);
    expect(judged.scope).toEqual(SCOPE);
    expect(Object.keys(judged.observed)).toEqual([
      'policiesAnalysed',
      'permissionsBoundary',
      'awsManagedNotAnalysed',
      'unresolved',
    ]);
    expect(unresolvedPoliciesVerdict(judged)).toBeNull();
  });

  it('reports undecodable policies as ERROR and missing ones as INSUFFICIENT_DATA', () => {
    // Prepare
    const broken = roleWithInline([], {
      edit: (config) => config.rolePolicyList.push({ policyName: 'broken', policyDocument: '%7B%22Version%22%3A' }),
    });
    // Act
    const undecodable = unresolvedPoliciesVerdict(
      preparePrincipal(broken, contextOf([loadItem('iam-policy/baseline')])),
    );
    const missing = unresolvedPoliciesVerdict(preparePrincipal(loadItem('iam-role/baseline'), contextOf([])));
    // Assess
    expect(undecodable?.status).toBe('ERROR');
    expect(undecodable?.reason).toMatch(
      /has policies that cannot be decoded: inline policy broken cannot be decoded\.$/,
    );
    expect(missing?.status).toBe('INSUFFICIENT_DATA');
    expect(missing?.reason).toMatch(
      /cannot be judged: arn:aws:iam::111122223333:policy\/platform-observability-read not in the inventory\.$/,
    );
  });
});

describe('preparePolicyItem', () => {
  it('prepares a customer-managed policy with its usage as evidence', () => {
    // Act
    const policy = preparePolicyItem(loadItem('iam-policy/baseline'));
    // Assess
    expect(policy.ok && policy.observed).toEqual({
      attachmentCount: 2,
      permissionsBoundaryUsageCount: 0,
      attached: true,
      defaultVersionId: 'v3',
    });
    expect(policy.ok && policy.held.identity).toHaveLength(1);
  });

  it('gives the verdict for a missing or undecodable default version and for an AWS-managed policy', () => {
    // Prepare
    const missing = policyWith((config) => {
      config.defaultVersionId = 'v9';
    });
    const undecodable = policyWith((config) => {
      config.policyVersionList[0].document = '%7B%22Version%22%3A';
    });
    const awsManaged = loadItem('iam-policy/baseline', (raw) => {
      raw.arn = 'arn:aws:iam::aws:policy/PowerUserAccess';
    });
    // Act & Assess
    expect(preparePolicyItem(missing)).toMatchObject({ ok: false, verdict: { status: 'INSUFFICIENT_DATA' } });
    expect(preparePolicyItem(undecodable)).toMatchObject({ ok: false, verdict: { status: 'ERROR' } });
    expect(preparePolicyItem(awsManaged)).toMatchObject({
      ok: false,
      verdict: { status: 'NOT_APPLICABLE', reason: expect.stringMatching(/is AWS-managed/) },
    });
  });
});
