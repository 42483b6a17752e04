/**
 * Builders for the managed services: databases and storage (RDS, DynamoDB,
 * EFS, Redshift, ElastiCache, OpenSearch), logging (CloudTrail, CloudWatch
 * Logs), the edge (CloudFront, API Gateway, ACM), messaging (SNS, SQS),
 * Secrets Manager and Lambda. Config-native types use Config's camelCase
 * (with its odd `dBInstanceIdentifier` casing); CloudFormation-registry
 * types (SNS, SQS, OpenSearch, Secrets Manager) use PascalCase.
 */
import { epochMs, hexId, type Json, type JsonObject, type Ref, record, related, relatedById, type Scope, tagList, upperId, uuid } from './ci.js';

// ---------------------------------------------------------------- RDS

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
      dBParameterGroups: [{ dBParameterGroupName: `default.${spec.engine}${spec.engineVersion.split('.')[0]}`, parameterApplyStatus: 'in-sync' }],
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
      optionGroupMemberships: [{ optionGroupName: `default:${spec.engine}-${spec.engineVersion.split('.')[0]}`, status: 'in-sync' }],
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

// ---------------------------------------------------------------- DynamoDB, EFS

export interface TableSpec {
  name: string;
  hashKey: string;
  /** A customer-managed key; without one the table uses the AWS-owned key, and Config records no SSE description. */
  kmsKey?: Ref;
  pointInTimeRecovery: boolean;
  items: number;
  createdAt: string;
  tags?: Record<string, string>;
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
      ...(spec.kmsKey ? { ssedescription: { status: 'ENABLED', ssetype: 'KMS', kmsmasterKeyArn: spec.kmsKey.arn } } : {}),
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
    },
  });
}

export interface FileSystemSpec {
  name: string;
  kmsKey?: Ref;
  backup: boolean;
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
      FileSystemTags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    },
  });
}

// ---------------------------------------------------------------- Logging

export interface TrailSpec {
  name: string;
  bucket: string;
  multiRegion: boolean;
  logFileValidation: boolean;
  kmsKey?: Ref;
  logGroup?: Ref;
  logRole?: Ref;
}

/** The ARN of a trail, known before it is built (account facts are keyed by it). */
export const trailArn = (scope: Scope, name: string): string => `arn:aws:cloudtrail:${scope.region}:${scope.accountId}:trail/${name}`;

export function cloudTrail(scope: Scope, spec: TrailSpec): Ref {
  const arn = trailArn(scope, spec.name);
  return record(scope, {
    resourceType: 'AWS::CloudTrail::Trail',
    resourceId: spec.name,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Regional',
    createdAt: null,
    relationships: [relatedById('Is associated with Bucket', 'AWS::S3::Bucket', spec.bucket, spec.bucket)],
    configuration: {
      name: spec.name,
      s3BucketName: spec.bucket,
      s3KeyPrefix: null,
      includeGlobalServiceEvents: spec.multiRegion,
      isMultiRegionTrail: spec.multiRegion,
      homeRegion: scope.region,
      trailARN: arn,
      logFileValidationEnabled: spec.logFileValidation,
      ...(spec.logGroup ? { cloudWatchLogsLogGroupArn: `${spec.logGroup.arn}:*` } : {}),
      ...(spec.logRole ? { cloudWatchLogsRoleArn: spec.logRole.arn } : {}),
      ...(spec.kmsKey ? { kmsKeyId: spec.kmsKey.arn } : {}),
      hasCustomEventSelectors: spec.multiRegion,
      hasInsightSelectors: false,
      isOrganizationTrail: false,
    },
    supplementary: { Tags: [] },
  });
}

export interface LogGroupSpec {
  name: string;
  retentionDays?: number;
  kmsKey?: Ref;
  createdAt: string;
}

/** A CloudFormation-registry type: PascalCase, and no RetentionInDays when events never expire. */
export function logGroup(scope: Scope, spec: LogGroupSpec): Ref {
  const arn = `arn:aws:logs:${scope.region}:${scope.accountId}:log-group:${spec.name}:*`;
  return record(scope, {
    resourceType: 'AWS::Logs::LogGroup',
    resourceId: spec.name,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: spec.createdAt,
    configuration: {
      LogGroupName: spec.name,
      ...(spec.retentionDays ? { RetentionInDays: spec.retentionDays } : {}),
      ...(spec.kmsKey ? { KmsKeyId: spec.kmsKey.arn } : {}),
      Arn: arn,
      LogGroupClass: 'STANDARD',
      DataProtectionPolicy: null,
    },
  });
}

// ---------------------------------------------------------------- Edge

export interface CertificateSpec {
  domain: string;
  alternativeNames?: string[];
  type: 'AMAZON_ISSUED' | 'IMPORTED';
  issuedAt: string;
  notAfter: string;
  inUseBy: string[];
}

export function acmCertificate(scope: Scope, spec: CertificateSpec): Ref {
  const arn = `arn:aws:acm:${scope.region}:${scope.accountId}:certificate/${uuid(`${scope.accountId}/${scope.region}/${spec.domain}`)}`;
  const imported = spec.type === 'IMPORTED';
  return record(scope, {
    resourceType: 'AWS::ACM::Certificate',
    resourceId: arn,
    resourceName: spec.domain,
    arn,
    availabilityZone: 'Regional',
    createdAt: spec.issuedAt,
    configuration: {
      certificateArn: arn,
      domainName: spec.domain,
      subjectAlternativeNames: [spec.domain, ...(spec.alternativeNames ?? [])],
      domainValidationOptions: imported
        ? []
        : [{ domainName: spec.domain, validationDomain: spec.domain, validationStatus: 'SUCCESS', validationMethod: 'DNS' }],
      serial: hexId(arn, 32).replace(/(..)(?!$)/g, '$1:'),
      subject: `CN=${spec.domain}`,
      issuer: imported ? 'Sectigo Limited' : 'Amazon',
      createdAt: spec.issuedAt,
      ...(imported ? { importedAt: spec.issuedAt } : { issuedAt: spec.issuedAt }),
      status: 'ISSUED',
      notBefore: spec.issuedAt,
      notAfter: spec.notAfter,
      keyAlgorithm: 'RSA-2048',
      signatureAlgorithm: 'SHA256WITHRSA',
      inUseBy: spec.inUseBy,
      type: spec.type,
      keyUsages: [{ name: 'DIGITAL_SIGNATURE' }, { name: 'KEY_ENCIPHERMENT' }],
      extendedKeyUsages: [
        { name: 'TLS_WEB_SERVER_AUTHENTICATION', oID: '1.3.6.1.5.5.7.3.1' },
        { name: 'TLS_WEB_CLIENT_AUTHENTICATION', oID: '1.3.6.1.5.5.7.3.2' },
      ],
      renewalEligibility: imported ? 'INELIGIBLE' : 'ELIGIBLE',
      options: { certificateTransparencyLoggingPreference: 'ENABLED' },
    },
  });
}

export interface DistributionSpec {
  comment: string;
  aliases: string[];
  origin: string;
  viewerProtocolPolicy: 'redirect-to-https' | 'https-only' | 'allow-all';
  certificate?: Ref;
  logBucket?: string;
  webAclId?: string;
  createdAt: string;
}

export function cloudFrontDistribution(scope: Scope, spec: DistributionSpec): Ref {
  const id = `E${upperId(`${scope.accountId}/cf/${spec.comment}`, 13)}`;
  const arn = `arn:aws:cloudfront::${scope.accountId}:distribution/${id}`;
  const list = (items: Json[]): JsonObject => ({ quantity: items.length, items });
  return record(scope, {
    resourceType: 'AWS::CloudFront::Distribution',
    resourceId: id,
    resourceName: null,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: spec.createdAt,
    configuration: {
      id,
      arn,
      status: 'Deployed',
      lastModifiedTime: spec.createdAt,
      inProgressInvalidationBatches: 0,
      domainName: `d${hexId(id, 13)}.cloudfront.net`,
      activeTrustedSigners: { enabled: false, quantity: 0, items: [] },
      distributionConfig: {
        callerReference: uuid(`${id}/caller`),
        aliases: list(spec.aliases),
        defaultRootObject: 'index.html',
        origins: list([
          {
            id: spec.origin,
            domainName: spec.origin,
            originPath: '',
            customHeaders: list([]),
            s3OriginConfig: { originAccessIdentity: '' },
            connectionAttempts: 3,
            connectionTimeout: 10,
            originAccessControlId: `E${upperId(`${id}/oac`, 13)}`,
          },
        ]),
        originGroups: list([]),
        defaultCacheBehavior: {
          targetOriginId: spec.origin,
          trustedSigners: { enabled: false, quantity: 0, items: [] },
          trustedKeyGroups: { enabled: false, quantity: 0, items: [] },
          viewerProtocolPolicy: spec.viewerProtocolPolicy,
          allowedMethods: { quantity: 2, items: ['HEAD', 'GET'], cachedMethods: list(['HEAD', 'GET']) },
          smoothStreaming: false,
          compress: true,
          lambdaFunctionAssociations: list([]),
          functionAssociations: list([]),
          fieldLevelEncryptionId: '',
          cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
        },
        cacheBehaviors: list([]),
        customErrorResponses: list([]),
        comment: spec.comment,
        logging: {
          enabled: spec.logBucket !== undefined,
          includeCookies: false,
          bucket: spec.logBucket ? `${spec.logBucket}.s3.amazonaws.com` : '',
          prefix: spec.logBucket ? 'cloudfront/' : '',
        },
        priceClass: 'PriceClass_100',
        enabled: true,
        viewerCertificate: spec.certificate
          ? {
              cloudFrontDefaultCertificate: false,
              acmCertificateArn: spec.certificate.arn,
              sslSupportMethod: 'sni-only',
              minimumProtocolVersion: 'TLSv1.2_2021',
              certificate: spec.certificate.arn,
              certificateSource: 'acm',
            }
          : { cloudFrontDefaultCertificate: true, minimumProtocolVersion: 'TLSv1', certificateSource: 'cloudfront' },
        restrictions: { geoRestriction: { restrictionType: 'none', quantity: 0, items: [] } },
        webACLId: spec.webAclId ?? '',
        httpVersion: 'http2and3',
        isIPV6Enabled: true,
      },
    },
  });
}

export interface RestStageSpec {
  apiId: string;
  apiName: string;
  stage: string;
  accessLogs?: Ref;
  createdAt: string;
}

export function apiGatewayStage(scope: Scope, spec: RestStageSpec): Ref {
  const arn = `arn:aws:apigateway:${scope.region}::/restapis/${spec.apiId}/stages/${spec.stage}`;
  return record(scope, {
    resourceType: 'AWS::ApiGateway::Stage',
    resourceId: arn,
    resourceName: spec.stage,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: spec.createdAt,
    relationships: [relatedById('Is contained in RestApi', 'AWS::ApiGateway::RestApi', spec.apiId, spec.apiName)],
    configuration: {
      deploymentId: hexId(`${arn}/deployment`, 6),
      stageName: spec.stage,
      description: `${spec.apiName} ${spec.stage}`,
      cacheClusterEnabled: false,
      cacheClusterStatus: 'NOT_AVAILABLE',
      methodSettings: {
        '*/*': {
          metricsEnabled: true,
          loggingLevel: spec.accessLogs ? 'INFO' : 'OFF',
          dataTraceEnabled: false,
          throttlingBurstLimit: 5000,
          throttlingRateLimit: 10000,
          cachingEnabled: false,
          cacheTtlInSeconds: 300,
          cacheDataEncrypted: false,
          requireAuthorizationForCacheControl: true,
          unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
        },
      },
      tracingEnabled: spec.accessLogs !== undefined,
      ...(spec.accessLogs
        ? {
            accessLogSettings: {
              format:
                '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","resourcePath":"$context.resourcePath","status":"$context.status","responseLength":"$context.responseLength"}',
              destinationArn: spec.accessLogs.arn,
            },
          }
        : {}),
      createdDate: spec.createdAt,
      lastUpdatedDate: spec.createdAt,
    },
  });
}

export interface HttpStageSpec {
  apiId: string;
  apiName: string;
  accessLogs?: Ref;
  createdAt: string;
}

export function apiGatewayV2Stage(scope: Scope, spec: HttpStageSpec): Ref {
  const arn = `arn:aws:apigateway:${scope.region}::/apis/${spec.apiId}/stages/$default`;
  return record(scope, {
    resourceType: 'AWS::ApiGatewayV2::Stage',
    resourceId: arn,
    resourceName: '$default',
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: spec.createdAt,
    relationships: [relatedById('Is contained in Api', 'AWS::ApiGatewayV2::Api', spec.apiId, spec.apiName)],
    configuration: {
      stageName: '$default',
      deploymentId: hexId(`${arn}/deployment`, 6),
      autoDeploy: true,
      createdDate: spec.createdAt,
      lastUpdatedDate: spec.createdAt,
      defaultRouteSettings: { detailedMetricsEnabled: false, throttlingBurstLimit: 500, throttlingRateLimit: 1000 },
      routeSettings: {},
      stageVariables: {},
      ...(spec.accessLogs
        ? {
            accessLogSettings: {
              destinationArn: spec.accessLogs.arn,
              format: '$context.requestId $context.identity.sourceIp $context.routeKey $context.status',
            },
          }
        : {}),
      apiGatewayManaged: false,
      tags: {},
    },
  });
}

// ---------------------------------------------------------------- Messaging

export interface TopicSpec {
  name: string;
  kmsKey?: Ref | string;
  policy: JsonObject;
  tags?: Record<string, string>;
}

export function snsTopic(scope: Scope, spec: TopicSpec): Ref {
  const arn = `arn:aws:sns:${scope.region}:${scope.accountId}:${spec.name}`;
  const tags = spec.tags ?? {};
  return record(scope, {
    resourceType: 'AWS::SNS::Topic',
    resourceId: arn,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: null,
    tags,
    configuration: {
      Policy: JSON.stringify(spec.policy),
      Owner: scope.accountId,
      SubscriptionsPending: '0',
      ...(spec.kmsKey ? { KmsMasterKeyId: typeof spec.kmsKey === 'string' ? spec.kmsKey : spec.kmsKey.arn } : {}),
      TopicArn: arn,
      EffectiveDeliveryPolicy:
        '{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":20,"maxDelayTarget":20,"numRetries":3,"numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"},"disableSubscriptionOverrides":false,"defaultRequestPolicy":{"headerContentType":"text/plain; charset=UTF-8"}}}',
      SubscriptionsConfirmed: '2',
      DisplayName: '',
      SubscriptionsDeleted: '0',
    },
    supplementary: { Tags: tagList(tags) },
  });
}

/** The policy SNS writes on a new topic: any principal of the owning account. */
export const defaultTopicPolicy = (scope: Scope, name: string): JsonObject => ({
  Version: '2008-10-17',
  Id: '__default_policy_ID',
  Statement: [
    {
      Sid: '__default_statement_ID',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: [
        'SNS:GetTopicAttributes',
        'SNS:SetTopicAttributes',
        'SNS:AddPermission',
        'SNS:RemovePermission',
        'SNS:DeleteTopic',
        'SNS:Subscribe',
        'SNS:ListSubscriptionsByTopic',
        'SNS:Publish',
      ],
      Resource: `arn:aws:sns:${scope.region}:${scope.accountId}:${name}`,
      Condition: { StringEquals: { 'AWS:SourceOwner': scope.accountId } },
    },
  ],
});

export interface QueueSpec {
  name: string;
  /** `sqs`: SSE-SQS; a key: SSE-KMS; `none`: unencrypted. */
  encryption: 'sqs' | 'none' | Ref | string;
  policy?: JsonObject;
  deadLetterTarget?: Ref;
  createdAt: string;
}

export function sqsQueue(scope: Scope, spec: QueueSpec): Ref {
  const arn = `arn:aws:sqs:${scope.region}:${scope.accountId}:${spec.name}`;
  const seconds = String(Math.floor(epochMs(spec.createdAt) / 1000));
  const kms = typeof spec.encryption === 'string' ? (spec.encryption.startsWith('alias/') ? spec.encryption : null) : spec.encryption.arn;
  return record(scope, {
    resourceType: 'AWS::SQS::Queue',
    resourceId: `https://sqs.${scope.region}.amazonaws.com/${scope.accountId}/${spec.name}`,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: spec.createdAt,
    configuration: {
      ...(spec.policy ? { Policy: JSON.stringify(spec.policy) } : {}),
      ReceiveMessageWaitTimeSeconds: '20',
      CreatedTimestamp: seconds,
      DelaySeconds: '0',
      MessageRetentionPeriod: '1209600',
      MaximumMessageSize: '262144',
      VisibilityTimeout: '300',
      LastModifiedTimestamp: seconds,
      QueueArn: arn,
      ...(kms ? { KmsMasterKeyId: kms, KmsDataKeyReusePeriodSeconds: '300' } : {}),
      SqsManagedSseEnabled: String(spec.encryption === 'sqs'),
      ...(spec.deadLetterTarget
        ? { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: spec.deadLetterTarget.arn, maxReceiveCount: 5 }) }
        : {}),
    },
    supplementary: { Tags: {} },
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
      domainEndpointOptions: { enforceHTTPS: false, tlssecurityPolicy: 'Policy-Min-TLS-1-0-2019-07', customEndpointEnabled: false },
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

// ---------------------------------------------------------------- Secrets, functions

export interface SecretSpec {
  name: string;
  description: string;
  kmsKey?: Ref;
  rotation?: { lambda: string; days: number };
  createdAt: string;
  tags?: Record<string, string>;
}

export function secret(scope: Scope, spec: SecretSpec): Ref {
  const arn = `arn:aws:secretsmanager:${scope.region}:${scope.accountId}:secret:${spec.name}-${hexId(spec.name, 6)}`;
  return record(scope, {
    resourceType: 'AWS::SecretsManager::Secret',
    resourceId: arn,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: spec.createdAt,
    configuration: {
      Name: spec.name,
      ARN: arn,
      Description: spec.description,
      ...(spec.kmsKey ? { KMSKeyId: spec.kmsKey.arn } : {}),
      RotationEnabled: spec.rotation !== undefined,
      ...(spec.rotation
        ? {
            RotationLambdaARN: spec.rotation.lambda,
            RotationRules: { AutomaticallyAfterDays: spec.rotation.days, ScheduleExpression: `rate(${spec.rotation.days} days)` },
            RotationOccurringAsScheduled: true,
          }
        : {}),
      Deleted: false,
    },
    supplementary: { Tags: tagList(spec.tags ?? {}) },
  });
}

export interface FunctionSpec {
  name: string;
  runtime: string;
  role: Ref;
  description: string;
  policy?: JsonObject;
  vpc?: { subnets: Ref[]; securityGroups: Ref[] };
  lastModified: string;
  tags?: Record<string, string>;
}

export function lambdaFunction(scope: Scope, spec: FunctionSpec): Ref {
  const arn = `arn:aws:lambda:${scope.region}:${scope.accountId}:function:${spec.name}`;
  const supplementary: JsonObject = { Tags: { ...spec.tags } };
  if (spec.policy) supplementary.Policy = JSON.stringify(spec.policy);
  return record(scope, {
    resourceType: 'AWS::Lambda::Function',
    resourceId: spec.name,
    resourceName: spec.name,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: spec.lastModified,
    tags: spec.tags ?? {},
    relationships: [related('Is associated with Role', spec.role)],
    configuration: {
      functionName: spec.name,
      functionArn: arn,
      runtime: spec.runtime,
      role: spec.role.arn,
      handler: spec.runtime.startsWith('python') ? 'app.handler' : 'index.handler',
      codeSize: parseInt(hexId(arn, 5), 16),
      description: spec.description,
      timeout: 30,
      memorySize: 512,
      lastModified: spec.lastModified.replace('Z', '+0000'),
      codeSha256: Buffer.from(hexId(`${arn}/code`, 64), 'hex').toString('base64'),
      version: '$LATEST',
      vpcConfig: {
        subnetIds: spec.vpc?.subnets.map((s) => s.id) ?? [],
        securityGroupIds: spec.vpc?.securityGroups.map((g) => g.id) ?? [],
      },
      tracingConfig: { mode: 'Active' },
      revisionId: uuid(`${arn}/revision`),
      layers: [],
      packageType: 'Zip',
      architectures: ['arm64'],
      ephemeralStorage: { size: 512 },
      loggingConfig: { logFormat: 'Text', logGroup: `/aws/lambda/${spec.name}` },
    },
    supplementary,
  });
}
