import control from '../../controls/opensearch-domain-node-to-node-encrypted.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const domain = (edit: (configuration: any) => void) =>
  loadItem('opensearch-domain/baseline', (raw) => editJson(raw, 'configuration', edit));

testControl(control, [
  { name: 'node-to-node encryption on', resource: loadItem('opensearch-domain/baseline'), expected: 'PASS' },
  {
    name: 'node-to-node encryption off',
    resource: domain((c) => (c.NodeToNodeEncryptionOptions.Enabled = false)),
    expected: 'FAIL',
  },
  {
    name: 'legacy Elasticsearch domain without it',
    resource: loadItem('opensearch-domain/elasticsearch-public'),
    expected: 'FAIL',
  },
  {
    name: 'flag as the string "true"',
    resource: domain((c) => (c.NodeToNodeEncryptionOptions.Enabled = 'true')),
    expected: 'PASS',
  },
  {
    name: 'options not recorded',
    resource: domain((c) => delete c.NodeToNodeEncryptionOptions),
    expected: 'INSUFFICIENT_DATA',
  },
]);
