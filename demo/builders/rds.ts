/**
 * RDS builders: DB instances (Aurora members included), Aurora clusters, and
 * DB and cluster snapshots with their `restore` sharing attribute. Config
 * spells the same field differently per type (`dBInstanceIdentifier` on an
 * instance, `dbclusterIdentifier` on a cluster), and so do these items.
 */
import { epochMs, hexId, type Ref, record, related, relatedById, type Scope, tagList, upperId } from './ci.js';

export interface DbInstanceSpec {
  identifier: string;
  engine: 'postgres' | 'mysql' | 'aurora-postgresql';
  engineVersion: string;
  instanceClass: string;
  storageGiB: number;
  public: boolean;
  kmsKey?: Ref;
  multiAZ: boolean;
  backupRetentionDays: number;
  deletionProtection: boolean;
  securityGroups: Ref[];
  subnetGroup: { name: string; vpc: Ref; subnets: Ref[] };
  /** Aurora members belong to a cluster, which holds their storage and backup settings. */
  cluster?: Ref;
  createdAt: string;
  tags?: Record<string, string>;
}

const DB_PORT = { postgres: 5432, mysql: 3306, 'aurora-postgresql': 5432 } as const;

export function dbInstance(scope: Scope, spec: DbInstanceSpec): Ref {
  const resourceId = `db-${upperId(`${scope.accountId}/${scope.region}/db/${spec.identifier}`)}`;
  const arn = `arn:aws:rds:${scope.region}:${scope.accountId}:db:${spec.identifier}`;
  const az = `${scope.region}a`;
  const port = DB_PORT[spec.engine];
  const host = `${spec.identifier}.c${hexId(`${scope.accountId}/${scope.region}/rds`, 11)}.${scope.region}.rds.amazonaws.com`;
  const tags = spec.tags ?? {};
  return record(scope, {
    resourceType: 'AWS::RDS::DBInstance',
    resourceId,
    resourceName: spec.identifier,
    arn,
    availabilityZone: spec.multiAZ ? 'Multiple Availability Zones' : az,
    createdAt: spec.createdAt,
    tags,
    relationships: [
      ...spec.securityGroups.map((g) => related('Is associated with SecurityGroup', g)),
      relatedById('Is associated with DBSubnetGroup', 'AWS::RDS::DBSubnetGroup', null, spec.subnetGroup.name),
      ...(spec.cluster ? [related('Is a member of DBCluster', spec.cluster)] : []),
    ],
    configuration: {
      dBInstanceIdentifier: spec.identifier,
      dBInstanceClass: spec.instanceClass,
      engine: spec.engine,
      dBInstanceStatus: 'available',
      masterUsername: `${spec.identifier.split('-')[1] ?? 'app'}_admin`,
      dBName: spec.cluster ? null : (spec.identifier.split('-')[1] ?? null),
      endpoint: { address: host, port, hostedZoneId: 'Z2R2ITUGPM61AM' },
      allocatedStorage: spec.cluster ? 1 : spec.storageGiB,
      instanceCreateTime: spec.createdAt,
      preferredBackupWindow: '03:10-03:40',
      backupRetentionPeriod: spec.backupRetentionDays,
      dBSecurityGroups: [],
      vpcSecurityGroups: spec.securityGroups.map((g) => ({ vpcSecurityGroupId: g.id, status: 'active' })),
      dBParameterGroups: [
        {
          dBParameterGroupName: `default.${spec.engine}${spec.engineVersion.split('.')[0]}`,
          parameterApplyStatus: 'in-sync',
        },
      ],
      availabilityZone: az,
      dBSubnetGroup: {
        dBSubnetGroupName: spec.subnetGroup.name,
        dBSubnetGroupDescription: `Subnets for ${spec.identifier}`,
        vpcId: spec.subnetGroup.vpc.id,
        subnetGroupStatus: 'Complete',
        subnets: spec.subnetGroup.subnets.map((s) => ({
          subnetIdentifier: s.id,
          subnetAvailabilityZone: { name: s.name?.includes('1b') ? `${scope.region}b` : `${scope.region}a` },
          subnetStatus: 'Active',
        })),
      },
      preferredMaintenanceWindow: 'sun:05:00-sun:05:30',
      pendingModifiedValues: {},
      latestRestorableTime: spec.backupRetentionDays > 0 ? '2026-11-20T05:55:00.000Z' : null,
      multiAZ: spec.multiAZ,
      engineVersion: spec.engineVersion,
      autoMinorVersionUpgrade: true,
      readReplicaSourceDBInstanceIdentifier: null,
      readReplicaDBInstanceIdentifiers: [],
      readReplicaDBClusterIdentifiers: [],
      licenseModel: spec.engine === 'mysql' ? 'general-public-license' : 'postgresql-license',
      optionGroupMemberships: [
        { optionGroupName: `default:${spec.engine}-${spec.engineVersion.split('.')[0]}`, status: 'in-sync' },
      ],
      secondaryAvailabilityZone: spec.multiAZ && !spec.cluster ? `${scope.region}b` : null,
      publiclyAccessible: spec.public,
      statusInfos: [],
      storageType: spec.cluster ? 'aurora' : 'gp3',
      dbInstancePort: 0,
      dBClusterIdentifier: spec.cluster?.name ?? null,
      storageEncrypted: spec.kmsKey !== undefined,
      kmsKeyId: spec.kmsKey?.arn ?? null,
      dbiResourceId: resourceId,
      cACertificateIdentifier: 'rds-ca-rsa2048-g1',
      domainMemberships: [],
      copyTagsToSnapshot: true,
      monitoringInterval: 60,
      monitoringRoleArn: `arn:aws:iam::${scope.accountId}:role/rds-monitoring-role`,
      dBInstanceArn: arn,
      iAMDatabaseAuthenticationEnabled: false,
      performanceInsightsEnabled: spec.kmsKey !== undefined,
      enabledCloudwatchLogsExports: spec.engine === 'mysql' ? [] : ['postgresql'],
      deletionProtection: spec.deletionProtection,
      ...(spec.cluster ? { promotionTier: 1 } : {}),
    },
    supplementary: { Tags: tagList(tags) },
  });
}

export interface DbClusterSpec {
  identifier: string;
  engineVersion: string;
  kmsKey: Ref;
  backupRetentionDays: number;
  deletionProtection: boolean;
  securityGroups: Ref[];
  subnetGroup: string;
  members: string[];
  createdAt: string;
  tags?: Record<string, string>;
}

/** Resource id and ARN of a cluster, known before it is built (members point at it). */
export function dbClusterRef(scope: Scope, identifier: string): Ref {
  return {
    type: 'AWS::RDS::DBCluster',
    id: `cluster-${upperId(`${scope.accountId}/${scope.region}/cluster/${identifier}`)}`,
    name: identifier,
    arn: `arn:aws:rds:${scope.region}:${scope.accountId}:cluster:${identifier}`,
    accountId: scope.accountId,
    region: scope.region,
  };
}

export function dbCluster(scope: Scope, spec: DbClusterSpec): Ref {
  const ref = dbClusterRef(scope, spec.identifier);
  const host = `${spec.identifier}.cluster-c${hexId(`${scope.accountId}/${scope.region}/rds`, 11)}.${scope.region}.rds.amazonaws.com`;
  const tags = spec.tags ?? {};
  return record(scope, {
    resourceType: ref.type,
    resourceId: ref.id,
    resourceName: spec.identifier,
    arn: ref.arn,
    availabilityZone: 'Multiple Availability Zones',
    createdAt: spec.createdAt,
    tags,
    relationships: [
      ...spec.securityGroups.map((g) => related('Is associated with SecurityGroup', g)),
      relatedById('Is associated with DBSubnetGroup', 'AWS::RDS::DBSubnetGroup', null, spec.subnetGroup),
    ],
    configuration: {
      allocatedStorage: 1,
      availabilityZones: [`${scope.region}a`, `${scope.region}b`, `${scope.region}c`],
      backupRetentionPeriod: spec.backupRetentionDays,
      databaseName: spec.identifier.split('-')[1] ?? null,
      status: 'available',
      endpoint: host,
      readerEndpoint: host.replace('.cluster-', '.cluster-ro-'),
      customEndpoints: [],
      multiAZ: spec.members.length > 1,
      engine: 'aurora-postgresql',
      engineVersion: spec.engineVersion,
      port: 5432,
      masterUsername: `${spec.identifier.split('-')[1] ?? 'app'}_admin`,
      preferredBackupWindow: '02:00-02:30',
      preferredMaintenanceWindow: 'tue:03:00-tue:03:30',
      readReplicaIdentifiers: [],
      vpcSecurityGroups: spec.securityGroups.map((g) => ({ vpcSecurityGroupId: g.id, status: 'active' })),
      hostedZoneId: 'Z29XKXDKYMONMX',
      storageEncrypted: true,
      kmsKeyId: spec.kmsKey.arn,
      dbClusterResourceId: ref.id,
      associatedRoles: [],
      clusterCreateTime: epochMs(spec.createdAt),
      enabledCloudwatchLogsExports: ['postgresql'],
      engineMode: 'provisioned',
      deletionProtection: spec.deletionProtection,
      httpEndpointEnabled: false,
      activityStreamStatus: 'stopped',
      copyTagsToSnapshot: true,
      crossAccountClone: false,
      domainMemberships: [],
      tagList: tagList(tags),
      dbclusterIdentifier: spec.identifier,
      dbclusterParameterGroup: `default.aurora-postgresql${spec.engineVersion.split('.')[0]}`,
      dbsubnetGroup: spec.subnetGroup,
      dbclusterOptionGroupMemberships: [],
      dbclusterMembers: spec.members.map((member, index) => ({
        dbinstanceIdentifier: member,
        isClusterWriter: index === 0,
        dbclusterParameterGroupStatus: 'in-sync',
        promotionTier: 1,
      })),
      dbclusterArn: ref.arn,
      iamdatabaseAuthenticationEnabled: true,
    },
    supplementary: { Tags: tagList(tags) },
  });
}

export interface DbSnapshotSpec {
  identifier: string;
  instance: Ref;
  engine: 'postgres' | 'mysql';
  engineVersion: string;
  storageGiB: number;
  vpc: Ref;
  kmsKey?: Ref;
  /** Accounts allowed to restore; `all` makes the snapshot public. */
  restore: string[];
  createdAt: string;
}

export function dbSnapshot(scope: Scope, spec: DbSnapshotSpec): Ref {
  const arn = `arn:aws:rds:${scope.region}:${scope.accountId}:snapshot:${spec.identifier}`;
  return record(scope, {
    resourceType: 'AWS::RDS::DBSnapshot',
    resourceId: spec.identifier,
    resourceName: spec.identifier,
    arn,
    availabilityZone: `${scope.region}a`,
    createdAt: spec.createdAt,
    relationships: [related('Is associated with Vpc', spec.vpc)],
    configuration: {
      dBSnapshotIdentifier: spec.identifier,
      dBInstanceIdentifier: spec.instance.name,
      snapshotCreateTime: spec.createdAt,
      engine: spec.engine,
      allocatedStorage: spec.storageGiB,
      status: 'available',
      port: DB_PORT[spec.engine],
      availabilityZone: `${scope.region}a`,
      vpcId: spec.vpc.id,
      instanceCreateTime: spec.createdAt,
      masterUsername: `${spec.instance.name?.split('-')[1] ?? 'app'}_admin`,
      engineVersion: spec.engineVersion,
      licenseModel: spec.engine === 'mysql' ? 'general-public-license' : 'postgresql-license',
      snapshotType: 'manual',
      percentProgress: 100,
      storageType: 'gp3',
      encrypted: spec.kmsKey !== undefined,
      ...(spec.kmsKey ? { kmsKeyId: spec.kmsKey.arn } : {}),
      dBSnapshotArn: arn,
      iAMDatabaseAuthenticationEnabled: false,
      processorFeatures: [],
      dbiResourceId: spec.instance.id,
      tagList: [],
    },
    supplementary: {
      DBSnapshotAttributes: [{ attributeName: 'restore', attributeValues: spec.restore }],
      Tags: [],
    },
  });
}

export interface ClusterSnapshotSpec {
  identifier: string;
  cluster: Ref;
  vpc: Ref;
  kmsKey: Ref;
  restore: string[];
  createdAt: string;
}

export function dbClusterSnapshot(scope: Scope, spec: ClusterSnapshotSpec): Ref {
  const arn = `arn:aws:rds:${scope.region}:${scope.accountId}:cluster-snapshot:${spec.identifier}`;
  return record(scope, {
    resourceType: 'AWS::RDS::DBClusterSnapshot',
    resourceId: spec.identifier,
    resourceName: spec.identifier,
    arn,
    availabilityZone: 'Multiple Availability Zones',
    createdAt: spec.createdAt,
    configuration: {
      availabilityZones: [`${scope.region}a`, `${scope.region}b`, `${scope.region}c`],
      dbclusterSnapshotIdentifier: spec.identifier,
      dbclusterIdentifier: spec.cluster.name,
      snapshotCreateTime: epochMs(spec.createdAt),
      engine: 'aurora-postgresql',
      engineMode: 'provisioned',
      allocatedStorage: 0,
      status: 'available',
      port: 0,
      vpcId: spec.vpc.id,
      masterUsername: `${spec.cluster.name?.split('-')[1] ?? 'app'}_admin`,
      engineVersion: '16.4',
      licenseModel: 'aurora-postgresql',
      snapshotType: 'manual',
      percentProgress: 100,
      storageEncrypted: true,
      kmsKeyId: spec.kmsKey.arn,
      dbclusterSnapshotArn: arn,
      iamdatabaseAuthenticationEnabled: true,
      tagList: [],
    },
    supplementary: {
      DBClusterSnapshotAttributes: [{ attributeName: 'restore', attributeValues: spec.restore }],
      Tags: [],
    },
  });
}
