/**
 * Logging and edge builders: CloudTrail trails, CloudWatch Logs log groups,
 * ACM certificates, CloudFront distributions and API Gateway stages.
 */
import { hexId, type Json, type JsonObject, type Ref, record, relatedById, type Scope, upperId, uuid } from './ci.js';

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
export const trailArn = (scope: Scope, name: string): string =>
  `arn:aws:cloudtrail:${scope.region}:${scope.accountId}:trail/${name}`;

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
        : [
            {
              domainName: spec.domain,
              validationDomain: spec.domain,
              validationStatus: 'SUCCESS',
              validationMethod: 'DNS',
            },
          ],
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
