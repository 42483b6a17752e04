import control from '../../controls/iam-policy-no-privilege-escalation.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { policyWith, policyWithDefaultDocument } from '../helpers/iam-fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
type Raw = any;

testControl(control, [
  { name: 'read-only default version', resource: loadItem('iam-policy/baseline'), expected: 'PASS' },
  {
    name: 'iam:CreatePolicyVersion and iam:SetDefaultPolicyVersion on every policy',
    resource: policyWithDefaultDocument([
      {
        Effect: 'Allow',
        Action: ['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion'],
        Resource: 'arn:aws:iam::111122223333:policy/*',
      },
    ]),
    expected: 'FAIL',
    reason: 'through iam:CreatePolicyVersion; iam:SetDefaultPolicyVersion.',
    observed: { escalationPaths: ['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion'] },
  },
  {
    name: 'iam:PassRole with lambda:CreateFunction and lambda:CreateEventSourceMapping',
    resource: policyWithDefaultDocument([
      {
        Effect: 'Allow',
        Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'],
        Resource: '*',
      },
    ]),
    expected: 'FAIL',
    reason: 'iam:PassRole + lambda:CreateFunction + lambda:CreateEventSourceMapping',
  },
  {
    name: 'iam:CreateAccessKey only for the caller itself',
    resource: policyWithDefaultDocument([
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JavaScript template
      { Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::111122223333:user/${aws:username}' },
    ]),
    expected: 'PASS',
  },
  {
    name: 'iam:PassRole only with a condition',
    resource: policyWithDefaultDocument([
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: '*',
        Condition: { StringLike: { 'iam:PassedToService': 'glue.amazonaws.com' } },
      },
      { Effect: 'Allow', Action: 'glue:CreateDevEndpoint', Resource: '*' },
    ]),
    expected: 'PASS',
  },
  {
    name: 'default version is the admin one',
    resource: policyWith((config) => {
      config.defaultVersionId = 'v2';
    }),
    expected: 'FAIL',
    observed: { fullAdmin: true },
  },
  {
    name: 'no default version recorded',
    resource: policyWith((config) => {
      config.policyVersionList = [];
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'default document cannot be decoded',
    resource: policyWith((config) => {
      config.policyVersionList[0].document = '%7B%22Statement';
    }),
    expected: 'ERROR',
  },
  {
    name: 'an AWS-managed policy item',
    resource: loadItem('iam-policy/baseline', (raw: Raw) => {
      raw.arn = 'arn:aws:iam::aws:policy/IAMFullAccess';
    }),
    expected: 'NOT_APPLICABLE',
  },
]);
