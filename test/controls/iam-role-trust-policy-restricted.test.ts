import control from '../../controls/iam-role-trust-policy-restricted.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { encodedPolicy } from '../helpers/iam-fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
type Raw = any;

const GITHUB = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';

/** The baseline role (snapshot form) trusting `statements`, URL-encoded as Config delivers the document. */
const trusting = (...statements: Record<string, unknown>[]) =>
  loadItem('iam-role/baseline', (raw: Raw) => {
    raw.configuration.assumeRolePolicyDocument = encodedPolicy(statements);
  });

const assume = (principal: unknown, condition?: Record<string, unknown>, action: unknown = 'sts:AssumeRole') => ({
  Effect: 'Allow',
  Principal: principal,
  Action: action,
  ...(condition ? { Condition: condition } : {}),
});

const github = (condition?: Record<string, unknown>) =>
  assume({ Federated: GITHUB }, condition, 'sts:AssumeRoleWithWebIdentity');
const cognito = (condition?: Record<string, unknown>) =>
  assume({ Federated: 'cognito-identity.amazonaws.com' }, condition, 'sts:AssumeRoleWithWebIdentity');
const eks = (condition: Record<string, unknown>) =>
  assume(
    {
      Federated:
        'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C3D1A0E9B8F7A6D5C4B3A2F1E0D9C8B',
    },
    condition,
    'sts:AssumeRoleWithWebIdentity',
  );
const EKS = 'oidc.eks.eu-west-1.amazonaws.com/id/5C3D1A0E9B8F7A6D5C4B3A2F1E0D9C8B';

testControl(control, [
  {
    name: 'ECS tasks service principal with source conditions (URL-encoded)',
    resource: loadItem('iam-role/baseline'),
    expected: 'PASS',
  },
  {
    name: 'a specific account',
    resource: trusting(assume({ AWS: 'arn:aws:iam::444455556666:root' })),
    expected: 'PASS',
  },
  {
    name: 'a specific role as a bare account id list',
    resource: trusting(assume({ AWS: ['444455556666', 'arn:aws:iam::444455556666:role/deployer'] })),
    expected: 'PASS',
  },
  {
    name: 'Principal "*" without condition',
    resource: trusting(assume('*')),
    expected: 'FAIL',
    reason: 'can be assumed by any AWS principal (statement #0)',
  },
  { name: '{"AWS": "*"} via sts:*', resource: trusting(assume({ AWS: '*' }, undefined, 'sts:*')), expected: 'FAIL' },
  {
    name: 'every account root (arn:aws:iam::*:root)',
    resource: trusting(assume({ AWS: 'arn:aws:iam::*:root' })),
    expected: 'FAIL',
  },
  {
    name: 'Allow with NotPrincipal',
    resource: trusting({
      Effect: 'Allow',
      NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'sts:AssumeRole',
    }),
    expected: 'FAIL',
  },
  {
    name: 'Principal "*" pinned to the organisation',
    resource: trusting(assume('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } })),
    expected: 'PASS',
  },
  {
    name: 'Principal "*" with only a negated condition',
    resource: trusting(assume('*', { StringNotEquals: { 'aws:PrincipalAccount': '999999999999' } })),
    expected: 'FAIL',
  },
  {
    name: '{"AWS": "*"} with a fixed sts:ExternalId',
    resource: trusting(
      assume({ AWS: '*' }, { StringEquals: { 'sts:ExternalId': 'b7f4a2c9-1e3d-4f5a-8b6c-0d9e8f7a6b5c' } }),
    ),
    expected: 'PASS',
  },
  {
    name: '{"AWS": "*"} with a wildcard sts:ExternalId',
    resource: trusting(assume({ AWS: '*' }, { StringLike: { 'sts:ExternalId': '*' } })),
    expected: 'FAIL',
  },
  {
    name: 'Deny statements do not grant',
    resource: trusting({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }),
    expected: 'PASS',
  },
  {
    name: 'GitHub OIDC with only the audience',
    resource: trusting(github({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } })),
    expected: 'FAIL',
    reason: 'token.actions.githubusercontent.com:sub',
  },
  {
    name: 'GitHub OIDC with sub repo:acme* (matches acme-evil/*)',
    resource: trusting(github({ StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme*' } })),
    expected: 'FAIL',
  },
  {
    name: 'GitHub OIDC with sub "*"',
    resource: trusting(
      github({ StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:acme-corp/*', '*'] } }),
    ),
    expected: 'FAIL',
  },
  {
    name: 'GitHub OIDC sub under ForAllValues (true when the key is absent)',
    resource: trusting(
      github({ 'ForAllValues:StringLike': { 'token.actions.githubusercontent.com:sub': 'repo:acme-corp/*' } }),
    ),
    expected: 'FAIL',
  },
  {
    name: 'GitHub OIDC pinned to one branch of one repository (mixed-case key and action)',
    resource: trusting(
      assume(
        { Federated: GITHUB },
        {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'Token.Actions.GithubUserContent.com:Sub': 'repo:acme-corp/orders-api:ref:refs/heads/main',
          },
        },
        'STS:AssumeRoleWithWebIdentity',
      ),
    ),
    expected: 'PASS',
  },
  {
    name: 'GitHub OIDC pinned to an owner',
    resource: trusting(github({ StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme-corp/*' } })),
    expected: 'PASS',
  },
  {
    name: 'Cognito without aud',
    resource: trusting(cognito()),
    expected: 'FAIL',
    reason: 'cognito-identity.amazonaws.com:aud',
  },
  {
    name: 'Cognito with aud but no amr',
    resource: trusting(
      cognito({
        StringEquals: { 'cognito-identity.amazonaws.com:aud': 'eu-west-1:6a8d2c4e-1b3f-4a5c-9d7e-2f1a0b9c8d7e' },
      }),
    ),
    expected: 'FAIL',
    reason: 'cognito-identity.amazonaws.com:amr',
  },
  {
    name: 'Cognito with aud and amr',
    resource: trusting(
      cognito({
        StringEquals: { 'cognito-identity.amazonaws.com:aud': 'eu-west-1:6a8d2c4e-1b3f-4a5c-9d7e-2f1a0b9c8d7e' },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      }),
    ),
    expected: 'PASS',
  },
  {
    name: 'EKS OIDC with only aud sts.amazonaws.com',
    resource: trusting(eks({ StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' } })),
    expected: 'FAIL',
  },
  {
    name: 'EKS OIDC pinned to a service account',
    resource: trusting(eks({ StringEquals: { [`${EKS}:sub`]: 'system:serviceaccount:orders:orders-api' } })),
    expected: 'PASS',
  },
  {
    name: 'SAML federation',
    resource: trusting(
      assume(
        { Federated: 'arn:aws:iam::111122223333:saml-provider/OktaSSO' },
        { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        'sts:AssumeRoleWithSAML',
      ),
    ),
    expected: 'PASS',
  },
  {
    name: 'assumeRolePolicyDocument not recorded',
    resource: loadItem('iam-role/baseline', (raw: Raw) => {
      delete raw.configuration.assumeRolePolicyDocument;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'trust document that cannot be decoded',
    resource: loadItem('iam-role/baseline', (raw: Raw) => {
      raw.configuration.assumeRolePolicyDocument = '%7B%22Statement%22%3A%5B';
    }),
    expected: 'ERROR',
  },
]);
