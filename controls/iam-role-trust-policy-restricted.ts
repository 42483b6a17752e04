import { defineControl } from '../engine/evaluate/define-control.js';
import {
  conditionRestrictsPrincipal,
  narrowingValues,
  type PolicyCondition,
  type PolicyStatement,
  parsePolicy,
  statementCoversAction,
  statementHasPublicPrincipal,
  statementLabel,
} from '../engine/evaluate/policy.js';
import { displayName, error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'];
const GITHUB = 'token.actions.githubusercontent.com';
const COGNITO = 'cognito-identity.amazonaws.com';

const isFixed = (value: string): boolean => value.length > 0 && !/[*?]/.test(value) && !value.includes('${');

/**
 * A GitHub `sub` pins the caller when it names an owner: `repo:acme/app:ref:refs/heads/main`,
 * or a wildcard after `repo:<owner>/`. `repo:*`, `repo:acme*` (matches acme-evil) and `*` do not.
 */
const pinsGitHubSubject = (value: string): boolean => {
  const wildcard = value.search(/[*?]/);
  if (wildcard === -1) return isFixed(value);
  return /^repo:[^/*?]+\//i.test(value.slice(0, wildcard));
};

/** Any other OIDC provider: a `sub`, or an `aud` other than STS's generic audience, that is not a bare wildcard. */
const pinsGeneric = (values: string[] | null, generic: string[]): boolean =>
  values?.every((value) => /[^*?]/.test(value) && !generic.includes(value.toLowerCase())) ?? false;

/** The problem with one federated web-identity provider in a statement, or null. */
function webIdentityProblem(provider: string, condition: PolicyCondition): string | null {
  const host = (
    provider.includes(':oidc-provider/') ? (provider.split(':oidc-provider/')[1] ?? provider) : provider
  ).toLowerCase();
  const sub = narrowingValues(condition, `${host}:sub`);
  const aud = narrowingValues(condition, `${host}:aud`);
  if (host === GITHUB) {
    return sub?.every(pinsGitHubSubject)
      ? null
      : `trusts GitHub Actions OIDC without a condition on ${GITHUB}:sub naming a repository owner`;
  }
  if (host === COGNITO) {
    if (!aud?.every(isFixed))
      return `trusts Cognito identity pools without a condition on ${COGNITO}:aud naming the pool`;
    return narrowingValues(condition, `${COGNITO}:amr`)
      ? null
      : `trusts a Cognito identity pool without a condition on ${COGNITO}:amr`;
  }
  if (pinsGeneric(sub, []) || pinsGeneric(aud, ['sts.amazonaws.com'])) return null;
  return `trusts web identities from ${host} without a condition on ${host}:sub or ${host}:aud`;
}

interface Finding {
  statement: string;
  principal: string;
  problem: string;
}

function statementFindings(statement: PolicyStatement, label: string): Finding[] {
  if (statement.effect !== 'Allow') return [];
  const actions = ASSUME_ACTIONS.filter((action) => statementCoversAction(statement, action));
  if (actions.length === 0) return [];
  const findings: Finding[] = [];
  if (statementHasPublicPrincipal(statement)) {
    const pinned = conditionRestrictsPrincipal(statement.condition).restricted;
    // A third party's cross-account role is pinned by the ExternalId it was given.
    const externalId = narrowingValues(statement.condition, 'sts:ExternalId')?.every(isFixed) ?? false;
    if (!pinned && !externalId) {
      const principal = statement.notPrincipal
        ? 'NotPrincipal'
        : JSON.stringify(statement.principal?.aws.length ? statement.principal.aws : '*');
      findings.push({ statement: label, principal, problem: 'can be assumed by any AWS principal' });
    }
  }
  if (statementCoversAction(statement, 'sts:AssumeRoleWithWebIdentity')) {
    for (const provider of statement.principal?.federated ?? []) {
      if (provider.includes(':saml-provider/')) continue;
      const problem = webIdentityProblem(provider, statement.condition);
      if (problem) findings.push({ statement: label, principal: provider, problem });
    }
  }
  return findings;
}

export default defineControl({
  id: 'iam-role-trust-policy-restricted',
  title: 'IAM role trust policy admits only identified principals',
  service: 'iam',
  severity: 'critical',
  resourceTypes: ['AWS::IAM::Role'],
  description:
    'FAILs when an Allow for sts:AssumeRole* names "*", {"AWS":"*"}, an account wildcard or NotPrincipal with no pinning condition (org, account, ARN, VPC, private IP, sts:ExternalId), or an OIDC provider without its sub (GitHub), aud and amr (Cognito) or sub/aud (others) condition.',
  rationale:
    'A role that anyone can assume hands its permissions to every AWS account in the world; an OIDC trust without a subject condition lets any GitHub repository or any identity-pool user take the role.',
  remediation: {
    guidance:
      'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json naming specific accounts or roles, adding aws:PrincipalOrgID or sts:ExternalId, or a token.actions.githubusercontent.com:sub condition such as repo:<org>/<repo>:ref:refs/heads/main.',
  },
  references: {
    urls: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html',
      'https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html',
    ],
  },
  evaluate: ({ resource: role }) => {
    const name = displayName(role);
    const document = role.configuration?.assumeRolePolicyDocument;
    if (document === undefined || document === null || document === '') {
      return insufficientData(`IAM role ${name} has no recorded trust policy (assumeRolePolicyDocument).`);
    }
    const parsed = parsePolicy(document);
    if (!parsed.ok) return error(`IAM role ${name} has a trust policy that cannot be decoded: ${parsed.error}.`);
    const findings = parsed.statements.flatMap((statement, index) =>
      statementFindings(statement, statementLabel(statement, index)),
    );
    const trusted = parsed.statements
      .filter((statement) => statement.effect === 'Allow')
      .map((statement) => ({
        statement: statement.sid,
        principal: statement.principal,
        notPrincipal: statement.notPrincipal,
        actions: statement.actions ?? statement.notActions,
        conditionKeys: Object.values(statement.condition).flatMap((keys) => Object.keys(keys)),
      }));
    const observed = { findings, trustStatements: trusted };
    if (findings.length === 0) return pass(`IAM role ${name} trusts only identified principals.`, observed);
    const first = findings[0]!;
    const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : '';
    return fail(`IAM role ${name} ${first.problem} (statement ${first.statement})${more}.`, observed);
  },
});
