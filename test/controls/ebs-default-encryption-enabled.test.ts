import control from '../../controls/ebs-default-encryption-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const account = (
  patch: (raw: { regions: Record<string, Record<string, unknown>>; collectionErrors: unknown[] }) => void,
) => loadItem('account/network-baseline', patch);

testControl(control, [
  {
    name: 'enabled in both recorded regions',
    resource: loadItem('account/network-baseline'),
    expected: 'PASS',
    reason: 'enabled in eu-west-1, us-east-1',
    observed: { enabledRegions: ['eu-west-1', 'us-east-1'], disabledRegions: [] },
  },
  {
    name: 'disabled in one region',
    resource: account((raw) => {
      raw.regions['us-east-1'] = { ebsEncryptionByDefault: false };
    }),
    expected: 'FAIL',
    reason: 'disabled in us-east-1',
    observed: { disabledRegions: ['us-east-1'] },
  },
  {
    name: 'a region whose value failed to collect',
    resource: account((raw) => {
      raw.regions['ap-southeast-2'] = { securityHubEnabled: false };
      raw.collectionErrors.push({
        service: 'ec2',
        operation: 'GetEbsEncryptionByDefault',
        region: 'ap-southeast-2',
        code: 'UnauthorizedOperation',
        message: 'You are not authorized to perform this operation.',
        permission: 'ec2:GetEbsEncryptionByDefault',
      });
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'ap-southeast-2',
  },
  {
    name: 'no region carries the fact',
    resource: account((raw) => {
      raw.regions = {};
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'in any region',
  },
  {
    name: 'value recorded as a string',
    resource: account((raw) => {
      raw.regions['eu-west-1'] = { ebsEncryptionByDefault: 'false' };
    }),
    expected: 'FAIL',
    reason: 'eu-west-1',
  },
]);
