/**
 * Data-store builders: DynamoDB tables, EFS file systems, OpenSearch and
 * legacy Elasticsearch domains, Redshift clusters and ElastiCache
 * replication groups.
 */
import { epochMs, hexId, type JsonObject, type Ref, record, related, type Scope, tagList, uuid } from './ci.js';

export interface TableSpec {
  name: string;
  hashKey: string;
  /** A customer-managed key; without one the table uses the AWS-owned key, and Config records no SSE description. */
  kmsKey?: Ref;
  pointInTimeRecovery: boolean;
  items: number;
  createdAt: string;
  tags?: Record<string, string>;
  /**
   * The table's resource-based policy (null: none). Config does not record it; the live
   * collector adds it as supplementary ResourcePolicy, a JSON string as GetResourcePolicy returns it.
   */
  resourcePolicy?: ((arn: string) => JsonObject) | null;
}

export function dynamoDbTable(scope: Scope, spec: TableSpec): Ref {
  const arn = `arn:aws:dynamodb:${scope.region}:${scope.accountId}:table/${spec.name}`;
  const created = epochMs(spec.createdAt);
  const tags = spec.tags ?? {};
  return record(scope, {
    resourceType: 'AWS::DynamoDB::Table',
    resourceId: spec.name,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Regional',
    createdAt: spec.createdAt,
    tags,
    configuration: {
      attributeDefinitions: [{ attributeName: spec.hashKey, attributeType: 'S' }],
      tableName: spec.name,
      keySchema: [{ attributeName: spec.hashKey, keyType: 'HASH' }],
      tableStatus: 'ACTIVE',
      creationDateTime: created,
      provisionedThroughput: { numberOfDecreasesToday: 0, readCapacityUnits: 0, writeCapacityUnits: 0 },
      tableSizeBytes: spec.items * 412,
      itemCount: spec.items,
      tableArn: arn,
      tableId: uuid(arn),
      billingModeSummary: { billingMode: 'PAY_PER_REQUEST', lastUpdateToPayPerRequestDateTime: created },
      globalSecondaryIndexes: [],
      replicas: [],
      ...(spec.kmsKey
        ? { ssedescription: { status: 'ENABLED', ssetype: 'KMS', kmsmasterKeyArn: spec.kmsKey.arn } }
        : {}),
      deletionProtectionEnabled: spec.pointInTimeRecovery,
    },
    supplementary: {
      ContinuousBackupsDescription: {
        continuousBackupsStatus: 'ENABLED',
        pointInTimeRecoveryDescription: spec.pointInTimeRecovery
          ? {
              pointInTimeRecoveryStatus: 'ENABLED',
              recoveryPeriodInDays: 35,
              earliestRestorableDateTime: epochMs('2026-10-16T06:00:00.000Z'),
              latestRestorableDateTime: epochMs('2026-11-20T05:55:00.000Z'),
            }
          : { pointInTimeRecoveryStatus: 'DISABLED' },
      },
      Tags: tagList(tags),
      ...(spec.resourcePolicy === undefined
        ? {}
        : { ResourcePolicy: spec.resourcePolicy ? JSON.stringify(spec.resourcePolicy(arn)) : null }),
    },
  });
}

export interface FileSystemSpec {
  name: string;
  kmsKey?: Ref;
  backup: boolean;
  /** The file system policy, given the file system's ARN; Config records none when the file system has none. */
  policy?: (arn: string) => JsonObject;
  createdAt: string;
  tags?: Record<string, string>;
}

export function efsFileSystem(scope: Scope, spec: FileSystemSpec): Ref {
  const id = `fs-${hexId(`${scope.accountId}/${scope.region}/efs/${spec.name}`)}`;
  const arn = `arn:aws:elasticfilesystem:${scope.region}:${scope.accountId}:file-system/${id}`;
  const tags = { Name: spec.name, ...spec.tags };
  return record(scope, {
    resourceType: 'AWS::EFS::FileSystem',
    resourceId: id,
    resourceName: id,
    arn,
    availabilityZone: 'Regional',
    createdAt: spec.createdAt,
    tags,
    configuration: {
      FileSystemId: id,
      Arn: arn,
      Encrypted: spec.kmsKey !== undefined,
      ...(spec.kmsKey ? { KmsKeyId: spec.kmsKey.arn } : {}),
      PerformanceMode: 'generalPurpose',
      ThroughputMode: 'elastic',
      BackupPolicy: { Status: spec.backup ? 'ENABLED' : 'DISABLED' },
      LifecyclePolicies: [{ TransitionToIA: 'AFTER_30_DAYS' }],
      FileSystemProtection: { ReplicationOverwriteProtection: 'ENABLED' },
      // A JSON-typed property in the CloudFormation registry: recorded as an object, not as policy text.
      ...(spec.policy ? { FileSystemPolicy: spec.policy(arn) } : {}),
      FileSystemTags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    },
  });
}

// ---------------------------------------------------------------- Search, warehouse, cache

export interface SearchDomainSpec {
  name: string;
  engineVersion: string;
  kmsKey: Ref;
  vpc: Ref;
  subnets: Ref[];
  securityGroups: Ref[];
  accessPolicy: JsonObject;
  createdAt: string;
}

/** An OpenSearch Service domain inside a VPC (CloudFormation-registry type: PascalCase). */
export function openSearchDomain(scope: Scope, spec: SearchDomainSpec): Ref {
  const arn = `arn:aws:es:${scope.region}:${scope.accountId}:domain/${spec.name}`;
  return record(scope, {
    resourceType: 'AWS::OpenSearch::Domain',
    resourceId: spec.name,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: spec.createdAt,
    relationships: [related('Is contained in Vpc', spec.vpc)],
    configuration: {
      Arn: arn,
      DomainName: spec.name,
      Id: `${scope.accountId}/${spec.name}`,
      EngineVersion: spec.engineVersion,
      ClusterConfig: {
        InstanceType: 'r6g.large.search',
        InstanceCount: 3,
        DedicatedMasterEnabled: false,
        ZoneAwarenessEnabled: true,
        ZoneAwarenessConfig: { AvailabilityZoneCount: 3 },
        WarmEnabled: false,
      },
      EBSOptions: { EBSEnabled: true, VolumeSize: 100, VolumeType: 'gp3' },
      EncryptionAtRestOptions: { Enabled: true, KmsKeyId: spec.kmsKey.arn },
      NodeToNodeEncryptionOptions: { Enabled: true },
      DomainEndpointOptions: {
        EnforceHTTPS: true,
        TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10',
        CustomEndpointEnabled: false,
      },
      AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: false, AnonymousAuthEnabled: false },
      VPCOptions: { SubnetIds: spec.subnets.map((s) => s.id), SecurityGroupIds: spec.securityGroups.map((g) => g.id) },
      AccessPolicies: JSON.stringify(spec.accessPolicy),
      SnapshotOptions: { AutomatedSnapshotStartHour: 0 },
    },
    supplementary: { Tags: [] },
  });
}

export interface LegacySearchDomainSpec {
  name: string;
  version: string;
  accessPolicy: JsonObject;
  createdAt: string;
}

/**
 * A legacy Elasticsearch domain, recorded as `AWS::Elasticsearch::Domain` in
 * Config's own camelCase (`elasticsearchClusterConfig`, `ebsoptions`): public
 * endpoint, no encryption at rest or between nodes, HTTP allowed.
 */
export function elasticsearchDomain(scope: Scope, spec: LegacySearchDomainSpec): Ref {
  const arn = `arn:aws:es:${scope.region}:${scope.accountId}:domain/${spec.name}`;
  return record(scope, {
    resourceType: 'AWS::Elasticsearch::Domain',
    resourceId: spec.name,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: spec.createdAt,
    configuration: {
      domainId: `${scope.accountId}/${spec.name}`,
      domainName: spec.name,
      arn,
      created: true,
      deleted: false,
      endpoint: `search-${spec.name}-${hexId(arn, 26)}.${scope.region}.es.amazonaws.com`,
      processing: false,
      upgradeProcessing: false,
      elasticsearchVersion: spec.version,
      elasticsearchClusterConfig: {
        instanceType: 'm5.large.elasticsearch',
        instanceCount: 2,
        dedicatedMasterEnabled: false,
        zoneAwarenessEnabled: false,
      },
      ebsoptions: { ebsenabled: true, volumeType: 'gp2', volumeSize: 200 },
      accessPolicies: JSON.stringify(spec.accessPolicy),
      snapshotOptions: { automatedSnapshotStartHour: 3 },
      encryptionAtRestOptions: { enabled: false },
      nodeToNodeEncryptionOptions: { enabled: false },
      advancedSecurityOptions: { enabled: false, internalUserDatabaseEnabled: false },
      domainEndpointOptions: {
        enforceHTTPS: false,
        tlssecurityPolicy: 'Policy-Min-TLS-1-0-2019-07',
        customEndpointEnabled: false,
      },
    },
    supplementary: { Tags: [] },
  });
}

export interface WarehouseSpec {
  identifier: string;
  public: boolean;
  kmsKey?: Ref;
  auditLogBucket?: string;
  vpc: Ref;
  securityGroups: Ref[];
  createdAt: string;
  tags?: Record<string, string>;
}

export function redshiftCluster(scope: Scope, spec: WarehouseSpec): Ref {
  const az = `${scope.region}a`;
  const tags = spec.tags ?? {};
  return record(scope, {
    resourceType: 'AWS::Redshift::Cluster',
    resourceId: spec.identifier,
    resourceName: spec.identifier,
    arn: `arn:aws:redshift:${scope.region}:${scope.accountId}:cluster:${spec.identifier}`,
    availabilityZone: az,
    createdAt: spec.createdAt,
    tags,
    relationships: [
      ...spec.securityGroups.map((g) => related('Is associated with SecurityGroup', g)),
      related('Is contained in Vpc', spec.vpc),
    ],
    configuration: {
      clusterIdentifier: spec.identifier,
      nodeType: 'ra3.xlplus',
      clusterStatus: 'available',
      clusterAvailabilityStatus: 'Available',
      masterUsername: 'warehouse_admin',
      dBName: 'analytics',
      endpoint: {
        address: `${spec.identifier}.c${hexId(spec.identifier, 10)}.${scope.region}.redshift.amazonaws.com`,
        port: 5439,
      },
      clusterCreateTime: spec.createdAt,
      automatedSnapshotRetentionPeriod: 7,
      manualSnapshotRetentionPeriod: -1,
      clusterSecurityGroups: [],
      vpcSecurityGroups: spec.securityGroups.map((g) => ({ vpcSecurityGroupId: g.id, status: 'active' })),
      clusterParameterGroups: [{ parameterGroupName: 'default.redshift-1.0', parameterApplyStatus: 'in-sync' }],
      clusterSubnetGroupName: `${spec.identifier}-subnets`,
      vpcId: spec.vpc.id,
      availabilityZone: az,
      preferredMaintenanceWindow: 'sat:02:30-sat:03:00',
      pendingModifiedValues: {},
      clusterVersion: '1.0',
      allowVersionUpgrade: true,
      numberOfNodes: 2,
      publiclyAccessible: spec.public,
      encrypted: spec.kmsKey !== undefined,
      clusterNodes: [
        { nodeRole: 'LEADER', privateIPAddress: '10.20.1.14', publicIPAddress: spec.public ? '52.18.40.7' : null },
        { nodeRole: 'COMPUTE-0', privateIPAddress: '10.20.1.27', publicIPAddress: spec.public ? '52.18.40.9' : null },
      ],
      clusterRevisionNumber: '84512',
      tags: tagList(tags),
      ...(spec.kmsKey ? { kmsKeyId: spec.kmsKey.arn } : {}),
      enhancedVpcRouting: !spec.public,
      iamRoles: [],
      maintenanceTrackName: 'current',
      pendingActions: [],
    },
    supplementary: {
      LoggingStatus: spec.auditLogBucket
        ? {
            loggingEnabled: true,
            bucketName: spec.auditLogBucket,
            s3KeyPrefix: `${spec.identifier}/`,
            lastSuccessfulDeliveryTime: '2026-11-20T05:41:02.000Z',
            lastFailureTime: null,
            lastFailureMessage: null,
            logDestinationType: 's3',
            logExports: ['connectionlog', 'userlog', 'useractivitylog'],
          }
        : { loggingEnabled: false },
    },
  });
}

export interface CacheSpec {
  id: string;
  description: string;
  engine: 'redis' | 'valkey';
  kmsKey?: Ref;
  encrypted: boolean;
  createdAt: string;
}

export function elastiCacheReplicationGroup(scope: Scope, spec: CacheSpec): Ref {
  const arn = `arn:aws:elasticache:${scope.region}:${scope.accountId}:replicationgroup:${spec.id}`;
  return record(scope, {
    resourceType: 'AWS::ElastiCache::ReplicationGroup',
    resourceId: spec.id,
    resourceName: spec.id,
    arn,
    availabilityZone: 'Multiple Availability Zones',
    createdAt: spec.createdAt,
    configuration: {
      replicationGroupId: spec.id,
      description: spec.description,
      status: 'available',
      memberClusters: [`${spec.id}-001`, `${spec.id}-002`],
      automaticFailover: 'enabled',
      multiAZ: 'enabled',
      configurationEndpoint: null,
      snapshotRetentionLimit: spec.encrypted ? 5 : 0,
      snapshotWindow: '04:00-05:00',
      clusterEnabled: false,
      cacheNodeType: 'cache.r7g.large',
      engine: spec.engine,
      authTokenEnabled: spec.encrypted,
      transitEncryptionEnabled: spec.encrypted,
      ...(spec.encrypted ? { transitEncryptionMode: 'required' } : {}),
      atRestEncryptionEnabled: spec.encrypted,
      ...(spec.kmsKey ? { kmsKeyId: spec.kmsKey.arn } : {}),
      arn,
      userGroupIds: [],
      logDeliveryConfigurations: [],
      replicationGroupCreateTime: spec.createdAt,
      dataTiering: 'disabled',
      autoMinorVersionUpgrade: true,
      networkType: 'ipv4',
      ipDiscovery: 'ipv4',
      clusterMode: 'disabled',
    },
  });
}
