import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';
import { readBoolean, readField, readText } from '../engine/evaluate/config-fields.js';

const SECURE_VIEWER_POLICIES = ['redirect-to-https', 'https-only'];

export default defineControl({
  id: 'cloudfront-distribution-https-only',
  title: 'CloudFront distribution serves viewers over HTTPS only, with TLS 1.2+ on custom certificates',
  service: 'cloudfront',
  severity: 'medium',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  description:
    'The default cache behavior and every other cache behavior have viewerProtocolPolicy redirect-to-https or https-only, and a custom (ACM or IAM) viewer certificate has a minimumProtocolVersion that refuses TLS below 1.2. The default *.cloudfront.net certificate is fixed at TLSv1 by AWS and is not judged.',
  rationale:
    'A behavior that allows HTTP serves content and accepts cookies in clear text; a minimum protocol of SSLv3, TLSv1 or TLSv1.1 lets a downgrade attack read traffic. Auditors check both for transmission security.',
  remediation: {
    guidance:
      'CloudFront console > <distribution> > Behaviors > Edit > Viewer protocol policy: Redirect HTTP to HTTPS; General > Settings > Edit > Security policy: TLSv1.2_2021 (or aws cloudfront update-distribution with the edited DistributionConfig).',
  },
  references: {
    awsConfigRule: 'CLOUDFRONT_VIEWER_POLICY_HTTPS',
    securityHub: 'CloudFront.3',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/cloudfront-viewer-policy-https.html',
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html',
    ],
  },
  // Every value that still accepts TLS 1.0 or 1.1 (TLSv1_2016 is TLS 1.0, TLSv1.1_2016 is TLS 1.1).
  parameters: { weakMinimumProtocolVersions: ['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016'] as readonly string[] },
  evaluate: ({ resource, parameters }) => {
    const name = displayName(resource);
    const config = readField(resource.configuration, 'distributionConfig');
    const defaultBehavior = readField(config, 'defaultCacheBehavior');
    if (!isRecord(config) || !isRecord(defaultBehavior)) {
      return insufficientData(`CloudFront distribution ${name} has no recorded default cache behavior.`);
    }
    const cacheBehaviors = readField(config, 'cacheBehaviors');
    const items = readField(cacheBehaviors, 'items');
    const listed = Array.isArray(items) ? items.length : 0;
    const quantity = readField(cacheBehaviors, 'quantity');
    // CloudFront always returns the list wrapper, with items null when quantity is 0.
    const behaviorsIncomplete = !isRecord(cacheBehaviors) || (typeof quantity === 'number' && quantity > listed);
    const behaviors: [string, unknown][] = [
      ['default', defaultBehavior],
      ...(Array.isArray(items) ? items : []).map((item): [string, unknown] => [
        readText(readField(item, 'pathPattern')) ?? '(no path)',
        item,
      ]),
    ];
    const policies = behaviors.map(([path, behavior]) => ({
      path,
      viewerProtocolPolicy: readText(readField(behavior, 'viewerProtocolPolicy')),
    }));
    const certificate = readField(config, 'viewerCertificate');
    const usesDefaultCertificate = readBoolean(readField(certificate, 'cloudFrontDefaultCertificate')) === true;
    const minimumProtocolVersion = readText(readField(certificate, 'minimumProtocolVersion'));
    const observed = { behaviors: policies, usesDefaultCertificate, minimumProtocolVersion };
    const insecure = policies.filter(
      (p) => p.viewerProtocolPolicy !== null && !SECURE_VIEWER_POLICIES.includes(p.viewerProtocolPolicy),
    );
    const problems = insecure.map((p) => `behavior ${p.path} allows ${p.viewerProtocolPolicy}`);
    if (
      !usesDefaultCertificate &&
      minimumProtocolVersion &&
      parameters.weakMinimumProtocolVersions.includes(minimumProtocolVersion)
    ) {
      problems.push(`its custom certificate accepts ${minimumProtocolVersion}`);
    }
    if (problems.length > 0) return fail(`CloudFront distribution ${name}: ${problems.join('; ')}.`, observed);
    if (behaviorsIncomplete) {
      return insufficientData(
        `CloudFront distribution ${name} has no complete record of its cache behaviors.`,
        observed,
      );
    }
    const missing = policies.filter((p) => p.viewerProtocolPolicy === null).map((p) => p.path);
    if (missing.length > 0) {
      return insufficientData(
        `CloudFront distribution ${name} has no recorded viewer protocol policy for behavior ${missing.join(', ')}.`,
        observed,
      );
    }
    if (!usesDefaultCertificate && minimumProtocolVersion === null) {
      return insufficientData(
        `CloudFront distribution ${name} has no recorded minimum protocol version for its certificate.`,
        observed,
      );
    }
    return pass(`CloudFront distribution ${name} serves all ${policies.length} behaviors over HTTPS only.`, observed);
  },
});
