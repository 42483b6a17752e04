import control from '../../controls/ebs-snapshot-block-public-access-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// One item per region; resourceId is the account. The API form carries configuration as a JSON string.
const withState = (state: unknown) =>
  loadItem('ebs-snapshot-block-public-access/baseline', (raw) =>
    editJson(raw, 'configuration', (configuration) => {
      configuration.State = state;
    }),
  );

testControl(control, [
  {
    name: 'block-all-sharing (API form)',
    resource: loadItem('ebs-snapshot-block-public-access/baseline'),
    expected: 'PASS',
    reason:
      'EBS snapshot block public access of account 111122223333 in us-east-1 is block-all-sharing: no snapshot can be shared publicly, and snapshots shared before are treated as private.',
    observed: { state: 'block-all-sharing', region: 'us-east-1' },
  },
  {
    name: 'block-new-sharing (snapshot form): earlier public snapshots stay public',
    resource: loadItem('ebs-snapshot-block-public-access/block-new-sharing'),
    expected: 'FAIL',
    reason:
      'EBS snapshot block public access of account 111122223333 in eu-west-1 is block-new-sharing: new public sharing is blocked, but snapshots already shared publicly stay public.',
    observed: { state: 'block-new-sharing', region: 'eu-west-1' },
  },
  {
    name: 'unblocked',
    resource: withState('unblocked'),
    expected: 'FAIL',
    reason: 'is unblocked: any snapshot in the region can be shared publicly.',
  },
  { name: 'state in another casing', resource: withState(' Block-All-Sharing '), expected: 'PASS' },
  {
    name: 'snapshot form with camelCase keys',
    resource: loadItem('ebs-snapshot-block-public-access/block-new-sharing', (raw) => {
      raw.configuration = { state: 'unblocked', accountId: '111122223333' };
    }),
    expected: 'FAIL',
    observed: { state: 'unblocked' },
  },
  {
    name: 'unrecognised state',
    resource: withState('block-some-sharing'),
    expected: 'ERROR',
    reason: 'has an unrecognised state block-some-sharing.',
  },
  { name: 'State not recorded', resource: withState(undefined), expected: 'INSUFFICIENT_DATA' },
  { name: 'State empty', resource: withState(''), expected: 'INSUFFICIENT_DATA', reason: 'has no recorded state.' },
]);
