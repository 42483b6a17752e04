/**
 * Northwind's networks and compute: the production VPC in us-east-1 (with
 * flow logs), the untouched default VPC, the EU analytics VPC, security
 * groups, network ACLs, instances and volumes; then the edge: certificates,
 * load balancers, CloudFront and API Gateway.
 */
import type { Ref, Scope } from '../builders/ci.js';
import {
  deletedInstance,
  instance,
  instanceId,
  snapshotBlockPublicAccess,
  volume,
  volumeId,
} from '../builders/compute.js';
import {
  DEFAULT_ACL_ENTRIES,
  flowLog,
  internetGateway,
  networkAcl,
  routeTable,
  securityGroup,
  subnet,
  vpc,
} from '../builders/network.js';
import { AMI } from './accounts.js';
import type { Roles } from './identity.js';
import type { Keys } from './keys.js';
import type { Storage } from './storage.js';

export interface Network {
  prodVpc: Ref;
  publicA: Ref;
  publicB: Ref;
  privateA: Ref;
  privateB: Ref;
  sg: {
    alb: Ref;
    app: Ref;
    lambda: Ref;
    claimsDb: Ref;
    legacyDb: Ref;
    legacyApp: Ref;
    search: Ref;
    warehouse: Ref;
    ledger: Ref;
  };
  legacyInstance: Ref;
  euVpc: Ref;
  euA: Ref;
  euB: Ref;
}

export function buildNetwork(east: Scope, eu: Scope, keys: Keys, roles: Roles, storage: Storage): Network {
  const ebsKey = keys.ebs;
  const { app: appRole, flowLogs: flowLogsRole } = roles;
  const { flow: flowGroup, euFlow: euFlowGroup } = storage.logGroups;
  // us-east-1
  const prodVpc = vpc(east, {
    name: 'nwh-prod',
    cidr: '10.10.0.0/16',
    createdAt: '2023-03-01T09:00:00.000Z',
    tags: { environment: 'prod' },
  });
  const publicA = subnet(east, {
    name: 'nwh-prod-public-1a',
    vpc: prodVpc,
    cidr: '10.10.0.0/20',
    az: 'us-east-1a',
    publicIpOnLaunch: true,
    createdAt: '2023-03-01T09:01:00.000Z',
  });
  const publicB = subnet(east, {
    name: 'nwh-prod-public-1b',
    vpc: prodVpc,
    cidr: '10.10.16.0/20',
    az: 'us-east-1b',
    publicIpOnLaunch: false,
    createdAt: '2023-03-01T09:01:30.000Z',
  });
  const privateA = subnet(east, {
    name: 'nwh-prod-private-1a',
    vpc: prodVpc,
    cidr: '10.10.32.0/20',
    az: 'us-east-1a',
    publicIpOnLaunch: false,
    createdAt: '2023-03-01T09:02:00.000Z',
  });
  const privateB = subnet(east, {
    name: 'nwh-prod-private-1b',
    vpc: prodVpc,
    cidr: '10.10.48.0/20',
    az: 'us-east-1b',
    publicIpOnLaunch: false,
    createdAt: '2023-03-01T09:02:30.000Z',
  });
  const igw = internetGateway(east, 'nwh-prod-igw', prodVpc);
  routeTable(east, {
    name: 'nwh-prod-public',
    vpc: prodVpc,
    cidr: '10.10.0.0/16',
    subnets: [publicA, publicB],
    defaultRoute: igw.id,
  });
  routeTable(east, {
    name: 'nwh-prod-private',
    vpc: prodVpc,
    cidr: '10.10.0.0/16',
    subnets: [privateA, privateB],
    defaultRoute: 'nat-0b7d1e4f2a9c36815',
  });
  networkAcl(east, {
    name: 'nwh-prod-default',
    vpc: prodVpc,
    isDefault: true,
    subnets: [publicA, publicB],
    entries: DEFAULT_ACL_ENTRIES,
  });
  networkAcl(east, {
    name: 'nwh-prod-private',
    vpc: prodVpc,
    isDefault: false,
    subnets: [privateA, privateB],
    entries: [
      { rule: 100, egress: false, protocol: '-1', action: 'allow', cidr: '10.10.0.0/16' },
      { rule: 200, egress: false, protocol: '6', action: 'allow', cidr: '0.0.0.0/0', ports: [32768, 65535] },
      { rule: 32767, egress: false, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
      { rule: 100, egress: true, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
      { rule: 32767, egress: true, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
    ],
  });
  flowLog(east, { vpc: prodVpc, logGroup: flowGroup, role: flowLogsRole, createdAt: '2023-03-01T11:10:00.000Z' });

  const defaultVpc = vpc(east, {
    name: 'default',
    cidr: '172.31.0.0/16',
    isDefault: true,
    createdAt: '2019-03-04T17:21:09.000Z',
  });
  subnet(east, {
    name: 'default-1a',
    vpc: defaultVpc,
    cidr: '172.31.0.0/20',
    az: 'us-east-1a',
    publicIpOnLaunch: true,
    defaultForAz: true,
    createdAt: '2019-03-04T17:21:09.000Z',
  });
  // Hardened years ago: the default VPC's default group has no rules left.
  securityGroup(east, {
    name: 'default',
    description: 'default VPC security group',
    vpc: defaultVpc,
    ingress: [],
    egress: [],
  });

  securityGroup(east, {
    name: 'default',
    description: 'default VPC security group',
    vpc: prodVpc,
    ingress: [{ protocol: '-1', from: ['self'] }],
  });
  const albSg = securityGroup(east, {
    name: 'nwh-alb-public',
    description: 'Patient portal load balancer',
    vpc: prodVpc,
    ingress: [
      { protocol: 'tcp', ports: 443, from: ['0.0.0.0/0', '::/0'], description: 'HTTPS' },
      { protocol: 'tcp', ports: 80, from: ['0.0.0.0/0', '::/0'], description: 'HTTP redirect' },
    ],
  });
  const appSg = securityGroup(east, {
    name: 'nwh-portal-app',
    description: 'Patient portal application tier',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 8080, from: [albSg.id], description: 'from ALB' }],
  });
  const lambdaSg = securityGroup(east, {
    name: 'nwh-claims-lambda',
    description: 'claims-processor function',
    vpc: prodVpc,
    ingress: [],
  });
  const claimsDbSg = securityGroup(east, {
    name: 'nwh-claims-db',
    description: 'Claims database',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 5432, from: [appSg.id, lambdaSg.id], description: 'app and claims-processor' }],
  });
  const bastionSg = securityGroup(east, {
    name: 'nwh-bastion',
    description: 'SSH bastion',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 22, from: ['0.0.0.0/0'], description: 'temporary - vendor access' }],
  });
  securityGroup(east, {
    name: 'nwh-windows-jump',
    description: 'Windows jump host (decommissioned, group left behind)',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 3389, from: ['::/0'] }],
  });
  const legacyDbSg = securityGroup(east, {
    name: 'nwh-legacy-reporting-db',
    description: 'Legacy reporting database',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 5432, from: ['0.0.0.0/0'], description: 'BI tool (vendor SaaS)' }],
  });
  const legacyAppSg = securityGroup(east, {
    name: 'nwh-legacy-reporting-app',
    description: 'Legacy reporting server',
    vpc: prodVpc,
    ingress: [
      { protocol: 'tcp', ports: 8443, from: ['0.0.0.0/0'] },
      { protocol: 'tcp', ports: 22, from: ['10.10.0.0/16'] },
    ],
  });
  const searchSg = securityGroup(east, {
    name: 'nwh-audit-search',
    description: 'Audit search domain',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 443, from: ['10.10.0.0/16'] }],
  });
  securityGroup(east, {
    name: 'nwh-portal-cache',
    description: 'Portal session cache',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 6379, from: [appSg.id] }],
  });

  // Compute
  const bastionVol = volumeId(east, 'nwh-bastion-1-root');
  const app1Vol = volumeId(east, 'nwh-portal-app-1-root');
  const app2Vol = volumeId(east, 'nwh-portal-app-2-root');
  const legacyVol = volumeId(east, 'nwh-legacy-reporting-1-root');
  instance(east, {
    name: 'nwh-bastion-1',
    type: 't3.micro',
    subnet: publicA,
    vpc: prodVpc,
    securityGroups: [bastionSg],
    privateIp: '10.10.4.21',
    publicIp: '3.91.22.140',
    imdsv2: 'required',
    rootVolume: bastionVol,
    launchedAt: '2026-06-02T08:00:00.000Z',
    ami: AMI,
  });
  instance(east, {
    name: 'nwh-portal-app-1',
    type: 'm7g.large',
    subnet: privateA,
    vpc: prodVpc,
    securityGroups: [appSg],
    privateIp: '10.10.33.12',
    imdsv2: 'required',
    role: appRole,
    rootVolume: app1Vol,
    launchedAt: '2026-10-14T09:12:00.000Z',
    ami: AMI,
  });
  instance(east, {
    name: 'nwh-portal-app-2',
    type: 'm7g.large',
    subnet: privateB,
    vpc: prodVpc,
    securityGroups: [appSg],
    privateIp: '10.10.49.7',
    imdsv2: 'required',
    role: appRole,
    rootVolume: app2Vol,
    launchedAt: '2026-10-14T09:12:00.000Z',
    ami: AMI,
  });
  const legacy = instance(east, {
    name: 'nwh-legacy-reporting-1',
    type: 'm5.xlarge',
    subnet: publicA,
    vpc: prodVpc,
    securityGroups: [legacyAppSg],
    privateIp: '10.10.9.88',
    publicIp: '54.210.33.17',
    imdsv2: 'optional',
    rootVolume: legacyVol,
    launchedAt: '2021-06-03T16:00:00.000Z',
    ami: 'ami-0a1b2c3d4e5f60718',
  });
  volume(east, {
    name: 'nwh-bastion-1-root',
    az: 'us-east-1a',
    sizeGiB: 16,
    attachedTo: instanceId(east, 'nwh-bastion-1'),
    encryptedWith: ebsKey.arn,
    createdAt: '2026-06-02T08:00:00.000Z',
  });
  volume(east, {
    name: 'nwh-portal-app-1-root',
    az: 'us-east-1a',
    sizeGiB: 50,
    attachedTo: instanceId(east, 'nwh-portal-app-1'),
    encryptedWith: ebsKey.arn,
    createdAt: '2026-10-14T09:12:00.000Z',
  });
  volume(east, {
    name: 'nwh-portal-app-2-root',
    az: 'us-east-1b',
    sizeGiB: 50,
    attachedTo: instanceId(east, 'nwh-portal-app-2'),
    encryptedWith: ebsKey.arn,
    createdAt: '2026-10-14T09:12:00.000Z',
  });
  volume(east, {
    name: 'nwh-legacy-reporting-1-root',
    az: 'us-east-1a',
    sizeGiB: 200,
    attachedTo: legacy.id,
    createdAt: '2021-06-03T16:00:00.000Z',
  });
  deletedInstance(east, 'nwh-batch-worker-2025');
  // Config records no EBS snapshots, only this regional setting: on at home, never turned on in the EU region.
  snapshotBlockPublicAccess(east, 'block-all-sharing');
  snapshotBlockPublicAccess(eu, 'unblocked');

  // EU analytics (eu-west-1)
  const euVpc = vpc(eu, {
    name: 'nwh-analytics-eu',
    cidr: '10.20.0.0/16',
    createdAt: '2023-04-05T14:20:00.000Z',
    tags: { environment: 'prod' },
  });
  const euA = subnet(eu, {
    name: 'nwh-analytics-private-1a',
    vpc: euVpc,
    cidr: '10.20.0.0/20',
    az: 'eu-west-1a',
    publicIpOnLaunch: false,
    createdAt: '2023-04-05T14:21:00.000Z',
  });
  const euB = subnet(eu, {
    name: 'nwh-analytics-private-1b',
    vpc: euVpc,
    cidr: '10.20.16.0/20',
    az: 'eu-west-1b',
    publicIpOnLaunch: false,
    createdAt: '2023-04-05T14:21:30.000Z',
  });
  securityGroup(eu, {
    name: 'default',
    description: 'default VPC security group',
    vpc: euVpc,
    ingress: [],
    egress: [],
  });
  const warehouseSg = securityGroup(eu, {
    name: 'nwh-warehouse',
    description: 'Analytics warehouse',
    vpc: euVpc,
    ingress: [{ protocol: 'tcp', ports: 5439, from: ['10.20.0.0/16'] }],
  });
  const ledgerSg = securityGroup(eu, {
    name: 'nwh-ledger-db',
    description: 'Ledger Aurora cluster',
    vpc: euVpc,
    ingress: [{ protocol: 'tcp', ports: 5432, from: ['10.20.0.0/16'] }],
  });
  flowLog(eu, { vpc: euVpc, logGroup: euFlowGroup, role: flowLogsRole, createdAt: '2023-04-05T14:35:00.000Z' });
  return {
    prodVpc,
    publicA,
    publicB,
    privateA,
    privateB,
    sg: {
      alb: albSg,
      app: appSg,
      lambda: lambdaSg,
      claimsDb: claimsDbSg,
      legacyDb: legacyDbSg,
      legacyApp: legacyAppSg,
      search: searchSg,
      warehouse: warehouseSg,
      ledger: ledgerSg,
    },
    legacyInstance: legacy,
    euVpc,
    euA,
    euB,
  };
}
