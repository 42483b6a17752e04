import { defineControl } from '../engine/evaluate/define-control.js';
import {
  conditionValueIs,
  type PolicyStatement,
  statementCoversAction,
  statementLabel,
} from '../engine/evaluate/policy.js';
import { readBucketPolicy, statementCoversAllObjects } from '../engine/evaluate/s3-bucket-settings.js';
import { displayName, error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import type { Resource } from '../engine/types.js';

const REQUIRED_ACTIONS = ['s3:GetObject', 's3:PutObject'];

/**
 * The value of aws:SecureTransport when the statement's only condition is
 * `Bool`/`BoolIfExists` on that key. A second condition narrows the Deny to
 * requests matching both, so plain HTTP that fails the other test gets through.
 */
function secureTransportOnly(statement: PolicyStatement): string[] | null {
  const entries = Object.entries(statement.condition);
  const [operator, keys] = entries[0] ?? [];
  if (entries.length !== 1 || !operator || !keys || !/^bool(ifexists)?$/i.test(operator)) return null;
  const names = Object.keys(keys);
  return names.length === 1 && names[0] === 'aws:securetransport' ? (keys['aws:securetransport'] ?? null) : null;
}

function deniesPlainHttp(statement: PolicyStatement, bucket: Resource): boolean {
  return (
    statement.effect === 'Deny' &&
    statement.principal?.wildcard === true &&
    statement.notPrincipal === null &&
    statementCoversAllObjects(statement, bucket) &&
    conditionValueIs(secureTransportOnly(statement) ?? undefined, false)
  );
}

/** `s3:TlsVersion` is absent on plain HTTP, so a NumericLessThan Deny sets a TLS floor but never denies HTTP. */
function minimumTlsVersion(statements: PolicyStatement[]): string | null {
  for (const statement of statements) {
    if (statement.effect !== 'Deny') continue;
    const version = statement.condition.NumericLessThan?.['s3:tlsversion']?.[0];
    if (version) return version;
  }
  return null;
}

export default defineControl({
  id: 's3-bucket-tls-only-policy',
  title: 'S3 bucket policy denies object reads and writes without TLS',
  service: 's3',
  severity: 'medium',
  resourceTypes: ['AWS::S3::Bucket'],
  description:
    "The bucket policy has a Deny for every principal on all of the bucket's objects, covering s3:GetObject and s3:PutObject (directly or by wildcard), whose only condition is Bool or BoolIfExists aws:SecureTransport = false. An s3:TlsVersion floor alone does not count: it never matches plain HTTP.",
  rationale:
    'Without the Deny, clients can read and write objects over plain HTTP, exposing data and request signatures to anyone on the network path. Auditors expect an explicit policy statement as evidence of encryption in transit.',
  remediation: {
    guidance:
      'Add to the bucket policy (S3 console > bucket > Permissions > Bucket policy, or aws s3api put-bucket-policy): {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<name>","arn:aws:s3:::<name>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}.',
  },
  references: {
    awsConfigRule: 'S3_BUCKET_SSL_REQUESTS_ONLY',
    securityHub: 'S3.5',
    urls: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
      'https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-ssl-requests-only.html',
    ],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const policy = readBucketPolicy(resource);
    if (policy.state === 'unknown') return insufficientData(`S3 bucket ${name} has no recorded bucket policy.`);
    if (policy.state === 'error') {
      return error(`S3 bucket ${name} has a bucket policy that could not be decoded (${policy.error}).`);
    }
    if (policy.state === 'none') {
      return fail(`S3 bucket ${name} has no bucket policy, so requests over plain HTTP are not denied.`, {
        bucketPolicy: 'none',
      });
    }
    const denying = policy.statements
      .map((statement, index) => ({ statement, label: statementLabel(statement, index) }))
      .filter(({ statement }) => deniesPlainHttp(statement, resource));
    const covered = REQUIRED_ACTIONS.filter((action) =>
      denying.some(({ statement }) => statementCoversAction(statement, action)),
    );
    const missing = REQUIRED_ACTIONS.filter((action) => !covered.includes(action));
    const observed = {
      tlsDenyStatements: denying.map(({ label }) => label),
      actionsDeniedWithoutTls: covered,
      minimumTlsVersion: minimumTlsVersion(policy.statements),
    };
    if (covered.length === 0) {
      return fail(
        `S3 bucket ${name} has no bucket policy statement that denies every principal access to its objects when aws:SecureTransport is false.`,
        observed,
      );
    }
    if (missing.length > 0) {
      return fail(`S3 bucket ${name} denies plain-HTTP ${covered.join(', ')} but not ${missing.join(', ')}.`, observed);
    }
    const labels = denying.map(({ label }) => `"${label}"`).join(', ');
    return pass(`S3 bucket ${name} denies object reads and writes without TLS through statement ${labels}.`, observed);
  },
});
