import control from '../../controls/ec2-instance-no-public-ip.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// The baseline is in the API form: configuration is a JSON string.
// biome-ignore lint/suspicious/noExplicitAny: free-form fixture JSON edited in tests
const editInstance = (edit: (configuration: Record<string, any>) => void) =>
  loadItem('ec2-instance/baseline', (raw) => editJson(raw, 'configuration', edit));
const association = {
  ipOwnerId: 'amazon',
  publicDnsName: 'ec2-54-78-12-201.eu-west-1.compute.amazonaws.com',
  publicIp: '54.78.12.201',
};

testControl(control, [
  {
    name: 'private instance in a private subnet',
    resource: loadItem('ec2-instance/baseline'),
    expected: 'PASS',
    reason: 'i-0f3b8c21d7a94e615 has no public IPv4 address',
    observed: { state: 'running', publicIps: [] },
  },
  {
    name: 'auto-assigned public IP on the primary interface',
    resource: editInstance((c) => {
      c.publicIpAddress = '54.78.12.201';
      c.networkInterfaces[0].association = association;
      c.networkInterfaces[0].privateIpAddresses[0].association = association;
    }),
    expected: 'FAIL',
    reason: 'has public IPv4 address 54.78.12.201.',
    observed: { publicIpAddress: '54.78.12.201', publicIps: ['54.78.12.201'] },
  },
  {
    name: 'Elastic IP only on a secondary private address of the interface',
    resource: editInstance((c) => {
      c.networkInterfaces[0].privateIpAddresses.push({
        association: { ipOwnerId: '111122223333', publicIp: '34.250.7.19' },
        primary: false,
        privateIpAddress: '10.20.41.18',
      });
    }),
    expected: 'FAIL',
    reason: '34.250.7.19',
  },
  {
    name: 'stopped instance keeps its recorded Elastic IP',
    resource: editInstance((c) => {
      c.state = { code: 80, name: 'stopped' };
      c.publicIpAddress = '34.250.7.19';
    }),
    expected: 'FAIL',
    reason: 'while stopped',
  },
  {
    name: 'stopped instance whose auto-assigned address was released',
    resource: editInstance((c) => {
      c.state = { code: 80, name: 'stopped' };
    }),
    expected: 'PASS',
  },
  {
    name: 'terminated instance',
    resource: editInstance((c) => {
      c.state = { code: 48, name: 'terminated' };
      c.publicIpAddress = '54.78.12.201';
    }),
    expected: 'NOT_APPLICABLE',
  },
  {
    name: 'item without publicIpAddress or interfaces',
    resource: editInstance((c) => {
      delete c.publicIpAddress;
      delete c.networkInterfaces;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
