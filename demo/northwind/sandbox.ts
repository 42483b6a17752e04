/**
 * The sandbox account: a default VPC with an all-open group, an experiment
 * instance, a public warehouse and an admin user. No account facts were
 * collected here, so its account-level controls say INSUFFICIENT_DATA.
 */
import type { Inventory, Scope } from '../builders/ci.js';
import { instance, volume, volumeId } from '../builders/compute.js';
import { redshiftCluster } from '../builders/databases.js';
import { awsManaged, iamUser } from '../builders/iam.js';
import { DEFAULT_ACL_ENTRIES, networkAcl, securityGroup, subnet, vpc } from '../builders/network.js';
import { accountPublicAccessBlock, s3Bucket } from '../builders/s3.js';
import { AMI, SANDBOX } from './accounts.js';

export function buildSandbox(inventory: Inventory): void {
  const sandbox: Scope = { inventory, accountId: SANDBOX, region: 'us-east-1' };
  const sandboxVpc = vpc(sandbox, {
    name: 'default',
    cidr: '172.31.0.0/16',
    isDefault: true,
    createdAt: '2024-02-01T09:00:00.000Z',
  });
  const sandboxSubnet = subnet(sandbox, {
    name: 'default-1a',
    vpc: sandboxVpc,
    cidr: '172.31.0.0/20',
    az: 'us-east-1a',
    publicIpOnLaunch: true,
    defaultForAz: true,
    createdAt: '2024-02-01T09:00:00.000Z',
  });
  securityGroup(sandbox, {
    name: 'default',
    description: 'default VPC security group',
    vpc: sandboxVpc,
    ingress: [{ protocol: '-1', from: ['self'] }],
  });
  const openSg = securityGroup(sandbox, {
    name: 'sandbox-all-open',
    description: 'launch-wizard-3',
    vpc: sandboxVpc,
    ingress: [{ protocol: '-1', from: ['0.0.0.0/0'] }],
  });
  networkAcl(sandbox, {
    name: 'sandbox-default',
    vpc: sandboxVpc,
    isDefault: true,
    subnets: [sandboxSubnet],
    entries: DEFAULT_ACL_ENTRIES,
  });
  const sandboxVol = volumeId(sandbox, 'sandbox-experiment-root');
  const experiment = instance(sandbox, {
    name: 'sandbox-experiment',
    type: 't3.large',
    subnet: sandboxSubnet,
    vpc: sandboxVpc,
    securityGroups: [openSg],
    privateIp: '172.31.7.19',
    publicIp: '44.201.18.230',
    imdsv2: 'optional',
    rootVolume: sandboxVol,
    launchedAt: '2026-11-03T13:00:00.000Z',
    ami: AMI,
  });
  volume(sandbox, {
    name: 'sandbox-experiment-root',
    az: 'us-east-1a',
    sizeGiB: 100,
    attachedTo: experiment.id,
    createdAt: '2026-11-03T13:00:00.000Z',
  });
  // Config records the sandbox's account-level Block Public Access even though no account facts were collected.
  accountPublicAccessBlock(sandbox, {
    blockPublicAcls: true,
    ignorePublicAcls: true,
    blockPublicPolicy: true,
    restrictPublicBuckets: true,
  });
  s3Bucket(sandbox, {
    name: `nwh-sandbox-scratch-${SANDBOX}`,
    createdAt: '2024-02-01T09:30:00.000Z',
    encryption: { algorithm: 'AES256' },
    versioning: 'Off',
    publicAccessBlock: true,
  });
  redshiftCluster(sandbox, {
    identifier: 'sandbox-warehouse',
    public: true,
    vpc: sandboxVpc,
    securityGroups: [openSg],
    createdAt: '2026-09-15T10:00:00.000Z',
  });
  iamUser(sandbox, {
    name: 'sandbox-admin',
    createdAt: '2024-02-01T09:05:00.000Z',
    attached: [awsManaged('AdministratorAccess')],
  });
}
