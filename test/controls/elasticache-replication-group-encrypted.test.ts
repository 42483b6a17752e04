import control from '../../controls/elasticache-replication-group-encrypted.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

const group = (edit: Record<string, unknown>) =>
  loadItem('elasticache-replication-group/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) => Object.assign(configuration, edit));
  });

testControl(control, [
  {
    name: 'encrypted at rest and in transit, TLS required',
    resource: loadItem('elasticache-replication-group/baseline'),
    expected: 'PASS',
    reason: 'ElastiCache replication group session-cache is encrypted at rest and in transit.',
    observed: {
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      authTokenEnabled: true,
    },
  },
  {
    name: 'older group without a transit mode',
    resource: group({ transitEncryptionMode: undefined }),
    expected: 'PASS',
  },
  {
    name: 'not encrypted at rest',
    resource: group({ atRestEncryptionEnabled: false }),
    expected: 'FAIL',
    reason: 'session-cache is not encrypted at rest.',
    observed: { atRestEncryptionEnabled: false, transitEncryptionEnabled: true },
  },
  {
    name: 'neither at rest nor in transit',
    resource: group({
      atRestEncryptionEnabled: 'false',
      transitEncryptionEnabled: 'FALSE',
      transitEncryptionMode: null,
    }),
    expected: 'FAIL',
    reason: 'is not encrypted at rest and is not encrypted in transit.',
  },
  {
    name: 'TLS offered but not required',
    resource: group({ transitEncryptionMode: 'preferred' }),
    expected: 'FAIL',
    reason: 'accepts unencrypted connections',
  },
  {
    name: 'at rest missing but in transit off',
    resource: group({ atRestEncryptionEnabled: undefined, transitEncryptionEnabled: false }),
    expected: 'FAIL',
    reason: 'not encrypted in transit',
  },
  {
    name: 'PascalCase keys in the snapshot form',
    resource: loadItem('elasticache-replication-group/baseline', (raw) => {
      raw.configuration = {
        AtRestEncryptionEnabled: true,
        TransitEncryptionEnabled: true,
        TransitEncryptionMode: 'required',
      };
    }),
    expected: 'PASS',
  },
  {
    name: 'in-transit setting not recorded',
    resource: group({ transitEncryptionEnabled: undefined }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded transitEncryptionEnabled value',
  },
  { name: 'unreadable at-rest setting', resource: group({ atRestEncryptionEnabled: 'on' }), expected: 'ERROR' },
]);
