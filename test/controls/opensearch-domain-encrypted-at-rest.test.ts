import control from '../../controls/opensearch-domain-encrypted-at-rest.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// The OpenSearch baseline is in the API shape: configuration is a JSON string.
// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const domain = (edit: (configuration: any) => void) =>
  loadItem('opensearch-domain/baseline', (raw) => editJson(raw, 'configuration', edit));

testControl(control, [
  {
    name: 'encrypted OpenSearch domain',
    resource: loadItem('opensearch-domain/baseline'),
    expected: 'PASS',
    reason: 'orders-search',
  },
  {
    name: 'encryption disabled',
    resource: domain((c) => (c.EncryptionAtRestOptions = { Enabled: false })),
    expected: 'FAIL',
  },
  {
    name: 'legacy Elasticsearch domain with camelCase keys, unencrypted',
    resource: loadItem('opensearch-domain/elasticsearch-public'),
    expected: 'FAIL',
    reason: 'legacy-logs does not encrypt',
  },
  {
    name: 'legacy Elasticsearch domain, encrypted',
    resource: loadItem('opensearch-domain/elasticsearch-public', (raw) => {
      raw.configuration.encryptionAtRestOptions = {
        enabled: true,
        kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a',
      };
    }),
    expected: 'PASS',
  },
  {
    name: 'options not recorded',
    resource: domain((c) => delete c.EncryptionAtRestOptions),
    expected: 'INSUFFICIENT_DATA',
  },
]);
