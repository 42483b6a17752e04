import control from '../../controls/ec2-security-group-default-restricts-all.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// The default-group fixture is in the API form: configuration is a JSON string.
const editDefault = (edit: (configuration: Record<string, unknown>) => void) =>
  loadItem('ec2-security-group/default-group', (raw) => editJson(raw, 'configuration', edit));

testControl(control, [
  {
    name: 'default group as AWS creates it (self-reference in, all out)',
    resource: loadItem('ec2-security-group/default-group'),
    expected: 'FAIL',
    reason: 'sg-07d15e2a9b3c4f680 of vpc-04b7e2c19d8a6f351 has 1 inbound and 1 outbound rules',
    observed: { inboundPermissions: 1, outboundPermissions: 1 },
  },
  {
    name: 'default group with every rule removed',
    resource: editDefault((c) => {
      c.ipPermissions = [];
      c.ipPermissionsEgress = [];
    }),
    expected: 'PASS',
  },
  {
    name: 'default group with only the outbound rule left',
    resource: editDefault((c) => {
      c.ipPermissions = [];
    }),
    expected: 'FAIL',
    reason: '0 inbound and 1 outbound',
  },
  { name: 'a non-default group', resource: loadItem('ec2-security-group/baseline'), expected: 'NOT_APPLICABLE' },
  {
    name: 'item without a group name',
    resource: loadItem('ec2-security-group/default-group', (raw) => {
      editJson(raw, 'configuration', (configuration) => {
        delete configuration.groupName;
      });
      delete raw.resourceName;
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded group name',
  },
  {
    name: 'default group without recorded egress',
    resource: editDefault((c) => {
      c.ipPermissions = [];
      delete c.ipPermissionsEgress;
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'ipPermissionsEgress',
  },
]);
