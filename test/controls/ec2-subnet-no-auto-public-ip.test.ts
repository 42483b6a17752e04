import control from '../../controls/ec2-subnet-no-auto-public-ip.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const withMapPublicIp = (value: unknown) =>
  loadItem('ec2-subnet/baseline', (raw) => {
    raw.configuration.mapPublicIpOnLaunch = value;
  });

testControl(control, [
  {
    name: 'private subnet',
    resource: loadItem('ec2-subnet/baseline'),
    expected: 'PASS',
    observed: { mapPublicIpOnLaunch: false, defaultForAz: false },
  },
  {
    name: 'auto-assign on',
    resource: withMapPublicIp(true),
    expected: 'FAIL',
    reason: 'assigns public IPv4 addresses',
  },
  { name: 'auto-assign recorded as the string "TRUE"', resource: withMapPublicIp('TRUE'), expected: 'FAIL' },
  { name: 'auto-assign recorded as the string "false"', resource: withMapPublicIp('false'), expected: 'PASS' },
  {
    name: 'item without mapPublicIpOnLaunch',
    resource: loadItem('ec2-subnet/baseline', (raw) => {
      delete raw.configuration.mapPublicIpOnLaunch;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
