import control from '../../controls/vpc-flow-logs-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const vpc = loadItem('ec2-vpc/baseline');
const flowLog = (patch?: (configuration: Record<string, unknown>, raw: Record<string, unknown>) => void) =>
  loadItem('ec2-flow-log/baseline', (raw) => patch?.(raw.configuration, raw));

testControl(control, [
  {
    name: 'active flow log delivering to CloudWatch Logs',
    resource: vpc,
    context: [flowLog()],
    expected: 'PASS',
    reason: 'fl-0a7d3e9c25b41f068 (ALL)',
    observed: { vpcId: 'vpc-04b7e2c19d8a6f351', flowLogs: [{ flowLogStatus: 'ACTIVE', deliverLogsStatus: 'SUCCESS' }] },
  },
  {
    name: 'flow logs recorded, but only for another VPC and a subnet',
    resource: vpc,
    context: [
      flowLog((c) => {
        c.resourceId = 'vpc-0e91b3d5f7a24c680';
      }),
      flowLog((c, raw) => {
        raw.resourceId = 'fl-03c5e7a9b1d24f680';
        c.flowLogId = 'fl-03c5e7a9b1d24f680';
        c.resourceId = 'subnet-0d2e8f4a6b1c35790';
      }),
    ],
    expected: 'FAIL',
    reason: 'has no flow log.',
  },
  {
    name: 'flow log whose delivery fails',
    resource: vpc,
    context: [
      flowLog((c) => {
        c.deliverLogsStatus = 'FAILED';
        c.deliverLogsErrorMessage = 'Access error';
      }),
    ],
    expected: 'FAIL',
    reason: 'delivery FAILED',
  },
  {
    name: 'no flow-log items at all: recording unknown',
    resource: vpc,
    expected: 'INSUFFICIENT_DATA',
    reason: 'cannot be confirmed',
  },
  {
    name: 'flow-log items only from another region',
    resource: vpc,
    context: [
      flowLog((_c, raw) => {
        raw.awsRegion = 'us-east-1';
      }),
    ],
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'flow log for this VPC without a status',
    resource: vpc,
    context: [
      flowLog((c) => {
        delete c.flowLogStatus;
      }),
    ],
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded flowLogStatus',
  },
]);
