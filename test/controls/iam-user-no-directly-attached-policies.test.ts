import control from '../../controls/iam-user-no-directly-attached-policies.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
type Raw = any;

/** Edits the baseline user's configuration, which the API form holds as a JSON string. */
const userWith = (edit: (config: Raw) => void) =>
  loadItem('iam-user/baseline', (raw: Raw) => editJson(raw, 'configuration', edit));

testControl(control, [
  {
    name: 'permissions only through the group',
    resource: userWith((config) => {
      config.userPolicyList = [];
      config.attachedManagedPolicies = [];
    }),
    expected: 'PASS',
  },
  {
    name: 'an inline policy and an AWS-managed policy on the user',
    resource: loadItem('iam-user/baseline'),
    expected: 'FAIL',
    reason: 'has 2 directly attached policies',
    observed: {
      inlinePolicies: ['self-manage-credentials'],
      attachedManagedPolicies: ['arn:aws:iam::aws:policy/IAMReadOnlyAccess'],
    },
  },
  {
    name: 'only a managed policy on the user',
    resource: userWith((config) => {
      config.userPolicyList = [];
    }),
    expected: 'FAIL',
    reason: '1 directly attached policy',
  },
  {
    name: 'policy lists not recorded',
    resource: userWith((config) => {
      delete config.userPolicyList;
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded userPolicyList',
  },
]);
