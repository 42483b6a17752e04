import { readFlag, requireSetting } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, error, insufficientData, fail, pass } from '../engine/evaluate/verdict.js';
import { decodeErrorFor, readField, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'redshift-cluster-audit-logging-enabled',
  title: 'Redshift cluster has audit logging enabled',
  service: 'redshift',
  severity: 'medium',
  resourceTypes: ['AWS::Redshift::Cluster'],
  description:
    'The Redshift cluster has audit logging on (LoggingStatus.loggingEnabled, recorded by Config as supplementary data), delivering connection and user logs to S3 or CloudWatch Logs.',
  rationale:
    'Without audit logs there is no record of who connected to the warehouse or changed users and grants, so unauthorised access cannot be investigated and logging requirements (SOC 2 CC7.2, HIPAA 164.312(b)) go unmet.',
  remediation: {
    guidance:
      'aws redshift enable-logging --cluster-identifier <id> --log-destination-type cloudwatch --log-exports connectionlog userlog useractivitylog (or --bucket-name <bucket>; console: Redshift > Clusters > Properties > Audit logging > Edit).',
  },
  references: {
    awsConfigRule: 'REDSHIFT_AUDIT_LOGGING_ENABLED',
    securityHub: 'Redshift.4',
    urls: ['https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html'],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const decodeError = decodeErrorFor(resource, 'LoggingStatus');
    if (decodeError) return error(`Redshift cluster ${name} has an unreadable LoggingStatus.`, { decodeError });
    const logging = readField(resource.supplementary, 'LoggingStatus');
    if (logging === undefined || logging === null) {
      return insufficientData(`Redshift cluster ${name} has no recorded logging status.`);
    }
    const enabled = requireSetting(readFlag(logging, 'loggingEnabled'), `Redshift cluster ${name}`, 'loggingEnabled');
    if (!enabled.ok) return enabled.verdict;
    const observed = {
      loggingEnabled: enabled.value,
      logDestinationType: readText(readField(logging, 'logDestinationType')),
      bucketName: readText(readField(logging, 'bucketName')),
      s3KeyPrefix: readText(readField(logging, 's3KeyPrefix')),
      logExports: readField(logging, 'logExports') ?? null,
      lastFailureMessage: readText(readField(logging, 'lastFailureMessage')),
    };
    if (!enabled.value) return fail(`Redshift cluster ${name} has audit logging disabled.`, observed);
    const destination = observed.bucketName
      ? `S3 bucket ${observed.bucketName}`
      : (observed.logDestinationType ?? 'an unrecorded destination');
    return pass(`Redshift cluster ${name} delivers audit logs to ${destination}.`, observed);
  },
});
