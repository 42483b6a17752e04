import control from '../../controls/ec2-instance-imdsv2-required.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: free-form fixture JSON edited in tests
const editInstance = (edit: (configuration: Record<string, any>) => void) =>
  loadItem('ec2-instance/baseline', (raw) => editJson(raw, 'configuration', edit));

testControl(control, [
  {
    name: 'httpTokens required',
    resource: loadItem('ec2-instance/baseline'),
    expected: 'PASS',
    observed: { httpTokens: 'required', httpEndpoint: 'enabled' },
  },
  {
    name: 'httpTokens optional (IMDSv1 allowed)',
    resource: editInstance((c) => {
      c.metadataOptions.httpTokens = 'optional';
    }),
    expected: 'FAIL',
    reason: 'allows IMDSv1 (httpTokens is optional)',
  },
  {
    name: 'metadata endpoint disabled',
    resource: editInstance((c) => {
      c.metadataOptions.httpTokens = 'optional';
      c.metadataOptions.httpEndpoint = 'disabled';
    }),
    expected: 'PASS',
    reason: 'endpoint disabled',
  },
  {
    name: 'stopped instance still judged',
    resource: editInstance((c) => {
      c.state = { code: 80, name: 'stopped' };
      c.metadataOptions.httpTokens = 'optional';
    }),
    expected: 'FAIL',
  },
  {
    name: 'terminated instance',
    resource: editInstance((c) => {
      c.state = { code: 48, name: 'terminated' };
    }),
    expected: 'NOT_APPLICABLE',
  },
  {
    name: 'older item without metadataOptions',
    resource: editInstance((c) => {
      delete c.metadataOptions;
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded metadataOptions',
  },
  {
    name: 'metadataOptions without httpTokens',
    resource: editInstance((c) => {
      delete c.metadataOptions.httpTokens;
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'httpTokens',
  },
]);
