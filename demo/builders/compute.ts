/**
 * Compute and load-balancing builders: EC2 instances, EBS volumes, the
 * regional EBS snapshot block public access setting, Application and Classic
 * Load Balancers, and ALB listeners (CloudFormation-registry types, hence
 * PascalCase).
 */
import {
  ec2Arn,
  hexId,
  type JsonObject,
  nameTag,
  type Ref,
  record,
  related,
  relatedById,
  type Scope,
  tagList,
} from './ci.js';

export interface InstanceSpec {
  name: string;
  type: string;
  subnet: Ref;
  vpc: Ref;
  securityGroups: Ref[];
  privateIp: string;
  publicIp?: string;
  imdsv2: 'required' | 'optional';
  role?: Ref;
  rootVolume: string;
  launchedAt: string;
  ami: string;
}

/** The id an instance built with `instance` gets, for volumes attached to it. */
export const instanceId = (scope: Scope, name: string): string =>
  `i-${hexId(`${scope.accountId}/${scope.region}/instance/${name}`)}`;

export function instance(scope: Scope, spec: InstanceSpec): Ref {
  const id = instanceId(scope, spec.name);
  const az = spec.subnet.name?.includes('1b') ? `${scope.region}b` : `${scope.region}a`;
  const eni = `eni-${hexId(`${id}/eni`)}`;
  const privateDns = `ip-${spec.privateIp.replaceAll('.', '-')}.ec2.internal`;
  const publicDns = spec.publicIp ? `ec2-${spec.publicIp.replaceAll('.', '-')}.compute-1.amazonaws.com` : '';
  const association = spec.publicIp ? { publicIp: spec.publicIp, publicDnsName: publicDns, ipOwnerId: 'amazon' } : null;
  const groups = spec.securityGroups.map((g) => ({ groupName: g.name, groupId: g.id }));
  const tags = nameTag(spec.name);
  return record(scope, {
    resourceType: 'AWS::EC2::Instance',
    resourceId: id,
    resourceName: spec.name,
    arn: ec2Arn(scope, 'instance', id),
    availabilityZone: az,
    createdAt: spec.launchedAt,
    tags,
    relationships: [
      relatedById('Contains NetworkInterface', 'AWS::EC2::NetworkInterface', eni),
      ...spec.securityGroups.map((g) => related('Is associated with SecurityGroup', g)),
      related('Is contained in Subnet', spec.subnet),
      relatedById('Is attached to Volume', 'AWS::EC2::Volume', spec.rootVolume),
      related('Is contained in Vpc', spec.vpc),
    ],
    configuration: {
      amiLaunchIndex: 0,
      imageId: spec.ami,
      instanceId: id,
      instanceType: spec.type,
      launchTime: spec.launchedAt,
      monitoring: { state: 'disabled' },
      placement: { availabilityZone: az, groupName: '', tenancy: 'default' },
      privateDnsName: privateDns,
      privateIpAddress: spec.privateIp,
      productCodes: [],
      publicDnsName: publicDns,
      ...(spec.publicIp ? { publicIpAddress: spec.publicIp } : {}),
      state: { code: 16, name: 'running' },
      stateTransitionReason: '',
      subnetId: spec.subnet.id,
      vpcId: spec.vpc.id,
      architecture: 'x86_64',
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          ebs: {
            attachTime: spec.launchedAt,
            deleteOnTermination: true,
            status: 'attached',
            volumeId: spec.rootVolume,
          },
        },
      ],
      clientToken: '',
      ebsOptimized: true,
      enaSupport: true,
      hypervisor: 'xen',
      iamInstanceProfile: spec.role
        ? {
            arn: spec.role.arn.replace(':role/', ':instance-profile/'),
            id: `AIPA${hexId(spec.role.id, 17).toUpperCase()}`,
          }
        : null,
      networkInterfaces: [
        {
          association,
          attachment: {
            attachTime: spec.launchedAt,
            attachmentId: `eni-attach-${hexId(`${eni}/attach`)}`,
            deleteOnTermination: true,
            deviceIndex: 0,
            status: 'attached',
          },
          description: '',
          groups,
          ipv6Addresses: [],
          macAddress: `0e:${hexId(`${eni}/mac`, 10).replace(/(..)(?!$)/g, '$1:')}`,
          networkInterfaceId: eni,
          ownerId: scope.accountId,
          privateDnsName: privateDns,
          privateIpAddress: spec.privateIp,
          privateIpAddresses: [
            { association, primary: true, privateDnsName: privateDns, privateIpAddress: spec.privateIp },
          ],
          sourceDestCheck: true,
          status: 'in-use',
          subnetId: spec.subnet.id,
          vpcId: spec.vpc.id,
          interfaceType: 'interface',
        },
      ],
      rootDeviceName: '/dev/xvda',
      rootDeviceType: 'ebs',
      securityGroups: groups,
      sourceDestCheck: true,
      tags: tagList(tags),
      virtualizationType: 'hvm',
      metadataOptions: {
        state: 'applied',
        httpTokens: spec.imdsv2,
        httpPutResponseHopLimit: spec.imdsv2 === 'required' ? 2 : 1,
        httpEndpoint: 'enabled',
        httpProtocolIpv6: 'disabled',
        instanceMetadataTags: 'disabled',
      },
      platformDetails: 'Linux/UNIX',
      bootMode: 'uefi-preferred',
      currentInstanceBootMode: 'legacy-bios',
    },
  });
}

/** An instance Config last saw terminated. */
export function deletedInstance(scope: Scope, name: string): Ref {
  const id = instanceId(scope, name);
  return record(scope, {
    resourceType: 'AWS::EC2::Instance',
    resourceId: id,
    resourceName: null,
    arn: ec2Arn(scope, 'instance', id),
    availabilityZone: `${scope.region}a`,
    createdAt: null,
    configuration: null,
    status: 'ResourceDeleted',
  });
}

export interface VolumeSpec {
  name: string;
  az: string;
  sizeGiB: number;
  attachedTo?: string;
  encryptedWith?: string;
  createdAt: string;
}

/** The id a volume built with `volume` gets. */
export const volumeId = (scope: Scope, name: string): string =>
  `vol-${hexId(`${scope.accountId}/${scope.region}/vol/${name}`)}`;

export function volume(scope: Scope, spec: VolumeSpec): Ref {
  const id = volumeId(scope, spec.name);
  const tags = nameTag(spec.name);
  return record(scope, {
    resourceType: 'AWS::EC2::Volume',
    resourceId: id,
    resourceName: spec.name,
    arn: ec2Arn(scope, 'volume', id),
    availabilityZone: spec.az,
    createdAt: spec.createdAt,
    tags,
    relationships: spec.attachedTo
      ? [relatedById('Is attached to Instance', 'AWS::EC2::Instance', spec.attachedTo)]
      : [],
    configuration: {
      attachments: spec.attachedTo
        ? [
            {
              attachTime: spec.createdAt,
              device: '/dev/xvda',
              instanceId: spec.attachedTo,
              state: 'attached',
              volumeId: id,
              deleteOnTermination: true,
            },
          ]
        : [],
      availabilityZone: spec.az,
      createTime: spec.createdAt,
      encrypted: spec.encryptedWith !== undefined,
      ...(spec.encryptedWith ? { kmsKeyId: spec.encryptedWith } : {}),
      size: spec.sizeGiB,
      snapshotId: `snap-${hexId(`${id}/snap`)}`,
      state: spec.attachedTo ? 'in-use' : 'available',
      volumeId: id,
      iops: 3000,
      tags: tagList(tags),
      volumeType: 'gp3',
      throughput: 125,
      multiAttachEnabled: false,
    },
  });
}

export type SnapshotBlockPublicAccessState = 'block-all-sharing' | 'block-new-sharing' | 'unblocked';

/**
 * The region's block public access setting for EBS snapshots (a
 * CloudFormation-registry type: PascalCase). Config records one item per
 * region, identified by the account, with no ARN.
 */
export function snapshotBlockPublicAccess(scope: Scope, state: SnapshotBlockPublicAccessState): Ref {
  return record(scope, {
    resourceType: 'AWS::EC2::SnapshotBlockPublicAccess',
    resourceId: scope.accountId,
    resourceName: scope.accountId,
    arn: null,
    availabilityZone: 'Regional',
    createdAt: null,
    configuration: { State: state, AccountId: scope.accountId },
  });
}

// ---------------------------------------------------------------- Load balancing

export interface LoadBalancerSpec {
  name: string;
  scheme: 'internet-facing' | 'internal';
  vpc: Ref;
  subnets: Ref[];
  securityGroups: Ref[];
  accessLogsBucket?: string;
  deletionProtection: boolean;
  createdAt: string;
  tags?: Record<string, string>;
}

export function applicationLoadBalancer(scope: Scope, spec: LoadBalancerSpec): Ref {
  const arn = `arn:aws:elasticloadbalancing:${scope.region}:${scope.accountId}:loadbalancer/app/${spec.name}/${hexId(spec.name, 16)}`;
  const dns = `${spec.scheme === 'internal' ? 'internal-' : ''}${spec.name}-${parseInt(hexId(spec.name, 8), 16)}.${scope.region}.elb.amazonaws.com`;
  const attributes: [string, string][] = [
    ['access_logs.s3.enabled', String(spec.accessLogsBucket !== undefined)],
    ['access_logs.s3.bucket', spec.accessLogsBucket ?? ''],
    ['access_logs.s3.prefix', spec.accessLogsBucket ? spec.name : ''],
    ['deletion_protection.enabled', String(spec.deletionProtection)],
    ['idle_timeout.timeout_seconds', '60'],
    ['routing.http.drop_invalid_header_fields.enabled', 'true'],
    ['routing.http2.enabled', 'true'],
  ];
  return record(scope, {
    resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    resourceId: arn,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Multiple Availability Zones',
    createdAt: spec.createdAt,
    tags: spec.tags ?? {},
    relationships: [
      ...spec.securityGroups.map((g) => related('Is associated with SecurityGroup', g)),
      ...spec.subnets.map((s) => related('Is attached to Subnet', s)),
      related('Is contained in Vpc', spec.vpc),
    ],
    configuration: {
      loadBalancerArn: arn,
      dNSName: dns,
      canonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
      createdTime: spec.createdAt,
      loadBalancerName: spec.name,
      scheme: spec.scheme,
      vpcId: spec.vpc.id,
      state: { code: 'active', reason: null },
      type: 'application',
      availabilityZones: spec.subnets.map((s) => ({
        zoneName: s.name?.includes('1b') ? `${scope.region}b` : `${scope.region}a`,
        subnetId: s.id,
        loadBalancerAddresses: [],
      })),
      securityGroups: spec.securityGroups.map((g) => g.id),
      ipAddressType: 'ipv4',
    },
    supplementary: {
      LoadBalancerAttributes: attributes.map(([key, value]) => ({ key, value })),
      Tags: tagList(spec.tags ?? {}),
    },
  });
}

export interface ListenerSpec {
  loadBalancer: Ref;
  port: number;
  protocol: 'HTTP' | 'HTTPS';
  certificate?: Ref;
  /** `redirect` sends HTTP to HTTPS 443; `forward` sends to a target group of this name. */
  action: { redirect: true } | { forward: string };
}

export function listener(scope: Scope, spec: ListenerSpec): Ref {
  const lbPath = spec.loadBalancer.arn.split(':loadbalancer/')[1] ?? '';
  const arn = `arn:aws:elasticloadbalancing:${scope.region}:${scope.accountId}:listener/${lbPath}/${hexId(`${lbPath}/${spec.port}`, 16)}`;
  const action: JsonObject =
    'redirect' in spec.action
      ? {
          Type: 'redirect',
          Order: 1,
          RedirectConfig: {
            Protocol: 'HTTPS',
            Port: '443',
            Host: '#{host}',
            Path: '/#{path}',
            Query: '#{query}',
            StatusCode: 'HTTP_301',
          },
        }
      : {
          Type: 'forward',
          Order: 1,
          TargetGroupArn: `arn:aws:elasticloadbalancing:${scope.region}:${scope.accountId}:targetgroup/${spec.action.forward}/${hexId(spec.action.forward, 16)}`,
        };
  return record(scope, {
    resourceType: 'AWS::ElasticLoadBalancingV2::Listener',
    resourceId: arn,
    resourceName: null,
    arn,
    availabilityZone: 'Regional',
    createdAt: null,
    relationships: [related('Is associated with LoadBalancer', spec.loadBalancer)],
    configuration: {
      ListenerArn: arn,
      LoadBalancerArn: spec.loadBalancer.arn,
      Port: spec.port,
      Protocol: spec.protocol,
      ...(spec.protocol === 'HTTPS'
        ? {
            SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
            Certificates: [{ CertificateArn: spec.certificate?.arn ?? '' }],
          }
        : {}),
      DefaultActions: [action],
    },
  });
}

export interface ClassicLoadBalancerSpec {
  name: string;
  vpc: Ref;
  subnets: Ref[];
  securityGroups: Ref[];
  instances: string[];
  createdAt: string;
}

/** A Classic Load Balancer, as legacy estates still have them: HTTP in, no access logs. */
export function classicLoadBalancer(scope: Scope, spec: ClassicLoadBalancerSpec): Ref {
  const dns = `${spec.name}-${parseInt(hexId(spec.name, 8), 16)}.${scope.region}.elb.amazonaws.com`;
  return record(scope, {
    resourceType: 'AWS::ElasticLoadBalancing::LoadBalancer',
    resourceId: spec.name,
    resourceName: spec.name,
    arn: `arn:aws:elasticloadbalancing:${scope.region}:${scope.accountId}:loadbalancer/${spec.name}`,
    availabilityZone: 'Multiple Availability Zones',
    createdAt: spec.createdAt,
    relationships: [
      ...spec.instances.map((id) => relatedById('Is associated with Instance', 'AWS::EC2::Instance', id)),
      ...spec.securityGroups.map((g) => related('Is associated with SecurityGroup', g)),
      ...spec.subnets.map((s) => related('Is attached to Subnet', s)),
      related('Is contained in Vpc', spec.vpc),
    ],
    configuration: {
      loadBalancerName: spec.name,
      dnsname: dns,
      canonicalHostedZoneName: dns,
      canonicalHostedZoneNameID: 'Z35SXDOTRQ7X7K',
      listenerDescriptions: [
        {
          listener: { protocol: 'HTTP', loadBalancerPort: 80, instanceProtocol: 'HTTP', instancePort: 8080 },
          policyNames: [],
        },
      ],
      policies: { appCookieStickinessPolicies: [], lbcookieStickinessPolicies: [], otherPolicies: [] },
      backendServerDescriptions: [],
      availabilityZones: spec.subnets.map((s) => (s.name?.includes('1b') ? `${scope.region}b` : `${scope.region}a`)),
      subnets: spec.subnets.map((s) => s.id),
      vpcid: spec.vpc.id,
      instances: spec.instances.map((instanceId) => ({ instanceId })),
      healthCheck: {
        target: 'HTTP:8080/health',
        interval: 30,
        timeout: 5,
        unhealthyThreshold: 2,
        healthyThreshold: 10,
      },
      sourceSecurityGroup: { ownerAlias: scope.accountId, groupName: spec.securityGroups[0]?.name ?? '' },
      securityGroups: spec.securityGroups.map((g) => g.id),
      createdTime: spec.createdAt,
      scheme: 'internet-facing',
    },
    supplementary: {
      LoadBalancerAttributes: {
        crossZoneLoadBalancing: { enabled: true },
        accessLog: { enabled: false, s3BucketName: null, emitInterval: null, s3BucketPrefix: null },
        connectionDraining: { enabled: true, timeout: 300 },
        connectionSettings: { idleTimeout: 60 },
        additionalAttributes: [],
      },
      Tags: [],
    },
  });
}
