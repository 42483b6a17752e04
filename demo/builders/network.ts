/**
 * Network builders: VPCs, subnets, security groups, network ACLs, internet
 * gateways, route tables and flow logs, in Config's camelCase EC2 shape.
 */
import {
  ec2Arn,
  hexId,
  type Json,
  type JsonObject,
  nameTag,
  type Ref,
  record,
  related,
  type Scope,
  tagList,
} from './ci.js';

export interface VpcSpec {
  name: string;
  cidr: string;
  isDefault?: boolean;
  createdAt: string;
  tags?: Record<string, string>;
}

export function vpc(scope: Scope, spec: VpcSpec): Ref {
  const id = `vpc-${hexId(`${scope.accountId}/${scope.region}/vpc/${spec.name}`)}`;
  const tags = spec.isDefault ? {} : nameTag(spec.name, spec.tags);
  return record(scope, {
    resourceType: 'AWS::EC2::VPC',
    resourceId: id,
    resourceName: spec.isDefault ? null : spec.name,
    arn: ec2Arn(scope, 'vpc', id),
    availabilityZone: 'Multiple Availability Zones',
    createdAt: spec.createdAt,
    tags,
    configuration: {
      cidrBlock: spec.cidr,
      dhcpOptionsId: `dopt-${hexId(`${scope.accountId}/${scope.region}/dopt`)}`,
      state: 'available',
      vpcId: id,
      ownerId: scope.accountId,
      instanceTenancy: 'default',
      ipv6CidrBlockAssociationSet: [],
      cidrBlockAssociationSet: [
        {
          associationId: `vpc-cidr-assoc-${hexId(`${id}/cidr`)}`,
          cidrBlock: spec.cidr,
          cidrBlockState: { state: 'associated', statusMessage: null },
        },
      ],
      isDefault: spec.isDefault ?? false,
      tags: tagList(tags),
    },
  });
}

export interface SubnetSpec {
  name: string;
  vpc: Ref;
  cidr: string;
  az: string;
  publicIpOnLaunch: boolean;
  defaultForAz?: boolean;
  createdAt: string;
}

export function subnet(scope: Scope, spec: SubnetSpec): Ref {
  const id = `subnet-${hexId(`${scope.accountId}/${scope.region}/subnet/${spec.name}`)}`;
  const arn = ec2Arn(scope, 'subnet', id);
  const tags = spec.defaultForAz ? {} : nameTag(spec.name);
  return record(scope, {
    resourceType: 'AWS::EC2::Subnet',
    resourceId: id,
    resourceName: spec.defaultForAz ? null : spec.name,
    arn,
    availabilityZone: spec.az,
    createdAt: spec.createdAt,
    tags,
    relationships: [related('Is contained in Vpc', spec.vpc)],
    configuration: {
      availabilityZone: spec.az,
      availabilityZoneId: `${scope.region === 'us-east-1' ? 'use1' : 'euw1'}-az${spec.az.endsWith('a') ? 1 : spec.az.endsWith('b') ? 2 : 3}`,
      availableIpAddressCount: 4091,
      cidrBlock: spec.cidr,
      defaultForAz: spec.defaultForAz ?? false,
      mapPublicIpOnLaunch: spec.publicIpOnLaunch,
      mapCustomerOwnedIpOnLaunch: false,
      state: 'available',
      subnetId: id,
      vpcId: spec.vpc.id,
      ownerId: scope.accountId,
      assignIpv6AddressOnCreation: false,
      ipv6CidrBlockAssociationSet: [],
      tags: tagList(tags),
      subnetArn: arn,
      enableDns64: false,
      ipv6Native: false,
      privateDnsNameOptionsOnLaunch: {
        hostnameType: 'ip-name',
        enableResourceNameDnsARecord: false,
        enableResourceNameDnsAAAARecord: false,
      },
    },
  });
}

/** One rule of a security group: a protocol, a port or range, and its sources (CIDRs or group ids). */
export interface SgRule {
  protocol: 'tcp' | 'udp' | '-1';
  ports?: number | [number, number];
  from: string[];
  description?: string;
}

/** Config's `ipPermissions` entry: IPv4 CIDRs appear twice (`ipv4Ranges` and the legacy `ipRanges`). */
function permission(scope: Scope, rule: SgRule): JsonObject {
  const cidr4 = rule.from.filter((s) => /^\d+\.\d+\.\d+\.\d+\//.test(s));
  const cidr6 = rule.from.filter((s) => s.includes(':'));
  const groups = rule.from.filter((s) => s.startsWith('sg-'));
  const [fromPort, toPort] = typeof rule.ports === 'number' ? [rule.ports, rule.ports] : (rule.ports ?? [null, null]);
  const described = (extra: JsonObject): JsonObject =>
    rule.description ? { ...extra, description: rule.description } : extra;
  return {
    ...(fromPort === null ? {} : { fromPort }),
    ipProtocol: rule.protocol,
    ipv6Ranges: cidr6.map((cidrIpv6) => described({ cidrIpv6 })),
    prefixListIds: [],
    ...(toPort === null ? {} : { toPort }),
    userIdGroupPairs: groups.map((groupId) => described({ groupId, userId: scope.accountId })),
    ipv4Ranges: cidr4.map((cidrIp) => described({ cidrIp })),
    ipRanges: cidr4,
  };
}

export interface SecurityGroupSpec {
  name: string;
  description: string;
  vpc: Ref;
  ingress: SgRule[];
  /** Defaults to all traffic out to 0.0.0.0/0, as AWS creates it. */
  egress?: SgRule[];
  /** Used when rules reference the group itself (the default group). */
  selfReference?: boolean;
}

/** The id a security group built with `securityGroup` gets, for rules that reference it before it exists. */
export const securityGroupId = (scope: Scope, name: string, vpcRef: Ref): string =>
  `sg-${hexId(`${scope.accountId}/${scope.region}/${vpcRef.id}/sg/${name}`)}`;

export function securityGroup(scope: Scope, spec: SecurityGroupSpec): Ref {
  const id = securityGroupId(scope, spec.name, spec.vpc);
  const expand = (rules: SgRule[]) =>
    rules.map((rule) => permission(scope, { ...rule, from: rule.from.map((s) => (s === 'self' ? id : s)) }));
  const isDefault = spec.name === 'default';
  const tags = isDefault ? {} : nameTag(spec.name);
  return record(scope, {
    resourceType: 'AWS::EC2::SecurityGroup',
    resourceId: id,
    resourceName: spec.name,
    arn: ec2Arn(scope, 'security-group', id),
    availabilityZone: 'Not Applicable',
    createdAt: null,
    tags,
    relationships: [related('Is contained in Vpc', spec.vpc)],
    configuration: {
      description: spec.description,
      groupName: spec.name,
      ipPermissions: expand(spec.ingress),
      ownerId: scope.accountId,
      groupId: id,
      ipPermissionsEgress: expand(spec.egress ?? [{ protocol: '-1', from: ['0.0.0.0/0'] }]),
      tags: tagList(tags),
      vpcId: spec.vpc.id,
    },
  });
}

/** A network ACL entry, numbered; protocol `-1` (all), `6` (TCP) or `17` (UDP). */
export interface AclEntry {
  rule: number;
  egress: boolean;
  protocol: '-1' | '6' | '17';
  action: 'allow' | 'deny';
  cidr: string;
  ports?: [number, number];
}

export interface NetworkAclSpec {
  name: string;
  vpc: Ref;
  isDefault: boolean;
  subnets: Ref[];
  entries: AclEntry[];
}

/** The entries AWS puts in every default network ACL: allow everything, then the implicit deny. */
export const DEFAULT_ACL_ENTRIES: AclEntry[] = [
  { rule: 100, egress: false, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
  { rule: 32767, egress: false, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
  { rule: 100, egress: true, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
  { rule: 32767, egress: true, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
];

export function networkAcl(scope: Scope, spec: NetworkAclSpec): Ref {
  const id = `acl-${hexId(`${scope.accountId}/${scope.region}/acl/${spec.name}`)}`;
  const tags = spec.isDefault ? {} : nameTag(spec.name);
  return record(scope, {
    resourceType: 'AWS::EC2::NetworkAcl',
    resourceId: id,
    resourceName: spec.isDefault ? null : spec.name,
    arn: ec2Arn(scope, 'network-acl', id),
    availabilityZone: 'Not Applicable',
    createdAt: null,
    tags,
    relationships: [
      related('Is contained in Vpc', spec.vpc),
      ...spec.subnets.map((s) => related('Is attached to Subnet', s)),
    ],
    configuration: {
      associations: spec.subnets.map((s) => ({
        networkAclAssociationId: `aclassoc-${hexId(`${id}/${s.id}`, 8)}`,
        networkAclId: id,
        subnetId: s.id,
      })),
      entries: spec.entries.map((e) => ({
        cidrBlock: e.cidr,
        egress: e.egress,
        protocol: e.protocol,
        ruleAction: e.action,
        ruleNumber: e.rule,
        ...(e.ports ? { portRange: { from: e.ports[0], to: e.ports[1] } } : {}),
      })),
      isDefault: spec.isDefault,
      networkAclId: id,
      tags: tagList(tags),
      vpcId: spec.vpc.id,
      ownerId: scope.accountId,
    },
  });
}

export function internetGateway(scope: Scope, name: string, vpcRef: Ref): Ref {
  const id = `igw-${hexId(`${scope.accountId}/${scope.region}/igw/${name}`)}`;
  const tags = nameTag(name);
  return record(scope, {
    resourceType: 'AWS::EC2::InternetGateway',
    resourceId: id,
    resourceName: name,
    arn: ec2Arn(scope, 'internet-gateway', id),
    availabilityZone: 'Not Applicable',
    createdAt: null,
    tags,
    relationships: [related('Is attached to Vpc', vpcRef)],
    configuration: {
      attachments: [{ state: 'available', vpcId: vpcRef.id }],
      internetGatewayId: id,
      ownerId: scope.accountId,
      tags: tagList(tags),
    },
  });
}

export interface RouteTableSpec {
  name: string;
  vpc: Ref;
  cidr: string;
  subnets: Ref[];
  /** Default route target: an internet gateway (`igw-…`) or a NAT gateway (`nat-…`). */
  defaultRoute?: string;
}

export function routeTable(scope: Scope, spec: RouteTableSpec): Ref {
  const id = `rtb-${hexId(`${scope.accountId}/${scope.region}/rtb/${spec.name}`)}`;
  const tags = nameTag(spec.name);
  const routes: Json[] = [
    { destinationCidrBlock: spec.cidr, gatewayId: 'local', origin: 'CreateRouteTable', state: 'active' },
  ];
  if (spec.defaultRoute) {
    const target = spec.defaultRoute.startsWith('nat-')
      ? { natGatewayId: spec.defaultRoute }
      : { gatewayId: spec.defaultRoute };
    routes.push({ destinationCidrBlock: '0.0.0.0/0', ...target, origin: 'CreateRoute', state: 'active' });
  }
  return record(scope, {
    resourceType: 'AWS::EC2::RouteTable',
    resourceId: id,
    resourceName: spec.name,
    arn: ec2Arn(scope, 'route-table', id),
    availabilityZone: 'Not Applicable',
    createdAt: null,
    tags,
    relationships: [
      related('Is contained in Vpc', spec.vpc),
      ...spec.subnets.map((s) => related('Is associated with Subnet', s)),
    ],
    configuration: {
      associations: spec.subnets.map((s) => ({
        main: false,
        routeTableAssociationId: `rtbassoc-${hexId(`${id}/${s.id}`)}`,
        routeTableId: id,
        subnetId: s.id,
        associationState: { state: 'associated', statusMessage: null },
      })),
      propagatingVgws: [],
      routeTableId: id,
      routes,
      tags: tagList(tags),
      vpcId: spec.vpc.id,
      ownerId: scope.accountId,
    },
  });
}

/** The fields of the default flow-log format, written `${version} ${account-id} …`. */
const FLOW_LOG_FIELDS = [
  'version',
  'account-id',
  'interface-id',
  'srcaddr',
  'dstaddr',
  'srcport',
  'dstport',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
  'action',
  'log-status',
];

export interface FlowLogSpec {
  vpc: Ref;
  logGroup: Ref;
  role: Ref;
  createdAt: string;
}

export function flowLog(scope: Scope, spec: FlowLogSpec): Ref {
  const id = `fl-${hexId(`${scope.accountId}/${scope.region}/fl/${spec.vpc.id}`)}`;
  return record(scope, {
    resourceType: 'AWS::EC2::FlowLog',
    resourceId: id,
    resourceName: null,
    arn: ec2Arn(scope, 'vpc-flow-log', id),
    availabilityZone: 'Not Applicable',
    createdAt: spec.createdAt,
    relationships: [related('Is associated with Vpc', spec.vpc)],
    configuration: {
      creationTime: spec.createdAt,
      deliverLogsPermissionArn: spec.role.arn,
      deliverLogsStatus: 'SUCCESS',
      flowLogId: id,
      flowLogStatus: 'ACTIVE',
      logGroupName: spec.logGroup.name,
      resourceId: spec.vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: spec.logGroup.arn,
      logFormat: FLOW_LOG_FIELDS.map((field) => `\${${field}}`).join(' '),
      tags: [],
      maxAggregationInterval: 600,
    },
  });
}
