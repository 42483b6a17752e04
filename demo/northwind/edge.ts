/**
 * Northwind's edge: ACM certificates (one imported and about to expire), the
 * patient-portal and internal load balancers, a legacy Classic Load Balancer,
 * two CloudFront distributions and the API Gateway stages.
 */
import { daysAhead, type Scope } from '../builders/ci.js';
import { applicationLoadBalancer, classicLoadBalancer, listener } from '../builders/compute.js';
import {
  acmCertificate,
  apiGatewayStage,
  apiGatewayV2Stage,
  cloudFrontDistribution,
} from '../builders/logging-edge.js';
import { PROD } from './accounts.js';
import type { Network } from './network.js';
import type { Storage } from './storage.js';

export function buildEdge(east: Scope, network: Network, storage: Storage): void {
  const { prodVpc, publicA, publicB, privateA, privateB, legacyInstance: legacy } = network;
  const { alb: albSg, app: appSg, legacyApp: legacyAppSg } = network.sg;
  const { accessLogs, website } = storage;
  const { api: apiLogs, webhooks: webhookLogs } = storage.logGroups;
  const portalCert = acmCertificate(east, {
    domain: 'portal.northwind-health.example',
    type: 'AMAZON_ISSUED',
    issuedAt: '2026-06-20T00:00:00.000Z',
    notAfter: '2027-07-19T23:59:59.000Z',
    inUseBy: [],
  });
  const wwwCert = acmCertificate(east, {
    domain: 'www.northwind-health.example',
    alternativeNames: ['northwind-health.example', 'campaigns.northwind-health.example'],
    type: 'AMAZON_ISSUED',
    issuedAt: '2026-08-30T00:00:00.000Z',
    notAfter: '2027-09-28T23:59:59.000Z',
    inUseBy: [],
  });
  // Imported from the old CA: AWS cannot renew it, and it expires in 15 days.
  acmCertificate(east, {
    domain: 'api.northwind-health.example',
    type: 'IMPORTED',
    issuedAt: '2025-12-05T00:00:00.000Z',
    notAfter: daysAhead(15),
    inUseBy: [`arn:aws:apigateway:us-east-1::/domainnames/api.northwind-health.example`],
  });

  const portalAlb = applicationLoadBalancer(east, {
    name: 'nwh-patient-portal',
    scheme: 'internet-facing',
    vpc: prodVpc,
    subnets: [publicA, publicB],
    securityGroups: [albSg],
    accessLogsBucket: accessLogs.id,
    deletionProtection: true,
    createdAt: '2023-03-02T10:00:00.000Z',
    tags: { environment: 'prod' },
  });
  listener(east, {
    loadBalancer: portalAlb,
    port: 443,
    protocol: 'HTTPS',
    certificate: portalCert,
    action: { forward: 'portal-app' },
  });
  listener(east, { loadBalancer: portalAlb, port: 80, protocol: 'HTTP', action: { redirect: true } });
  const internalAlb = applicationLoadBalancer(east, {
    name: 'nwh-internal-api',
    scheme: 'internal',
    vpc: prodVpc,
    subnets: [privateA, privateB],
    securityGroups: [appSg],
    deletionProtection: false,
    createdAt: '2024-04-15T14:00:00.000Z',
  });
  listener(east, { loadBalancer: internalAlb, port: 80, protocol: 'HTTP', action: { forward: 'internal-api' } });
  classicLoadBalancer(east, {
    name: 'nwh-legacy-reporting',
    vpc: prodVpc,
    subnets: [publicA],
    securityGroups: [legacyAppSg],
    instances: [legacy.id],
    createdAt: '2021-06-03T16:30:00.000Z',
  });

  cloudFrontDistribution(east, {
    comment: 'www.northwind-health.example',
    aliases: ['www.northwind-health.example', 'northwind-health.example'],
    origin: `${website.id}.s3.us-east-1.amazonaws.com`,
    viewerProtocolPolicy: 'redirect-to-https',
    certificate: wwwCert,
    logBucket: accessLogs.id,
    webAclId: `arn:aws:wafv2:us-east-1:${PROD}:global/webacl/nwh-edge/0d3f5a7c-9b1e-4d2f-8a6c-1e3b5d7f9a2c`,
    createdAt: '2021-02-09T13:00:00.000Z',
  });
  cloudFrontDistribution(east, {
    comment: 'campaign landing pages',
    aliases: ['campaigns.northwind-health.example'],
    origin: 'nwh-marketing-campaigns.s3.us-east-1.amazonaws.com',
    viewerProtocolPolicy: 'allow-all',
    certificate: wwwCert,
    createdAt: '2025-09-01T10:00:00.000Z',
  });

  apiGatewayStage(east, {
    apiId: 'k3v9q2x7ab',
    apiName: 'patient-api',
    stage: 'prod',
    accessLogs: apiLogs,
    createdAt: '2024-01-08T09:00:00.000Z',
  });
  apiGatewayStage(east, {
    apiId: 'k3v9q2x7ab',
    apiName: 'patient-api',
    stage: 'staging',
    createdAt: '2024-01-08T09:05:00.000Z',
  });
  apiGatewayV2Stage(east, {
    apiId: 'q8w2e4r6t0',
    apiName: 'claims-webhooks',
    accessLogs: webhookLogs,
    createdAt: '2025-04-02T10:00:00.000Z',
  });
}
