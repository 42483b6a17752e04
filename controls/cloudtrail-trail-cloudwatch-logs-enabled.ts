import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'cloudtrail-trail-cloudwatch-logs-enabled',
  title: 'CloudTrail trail delivers events to CloudWatch Logs',
  service: 'cloudtrail',
  severity: 'low',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  description:
    'The trail sends its events to a CloudWatch Logs log group (cloudWatchLogsLogGroupArn set), where metric filters and alarms can act on them in near real time.',
  rationale:
    'Logs that only land in S3 are read after the fact; without CloudWatch Logs delivery there are no alarms on root logins, policy changes or disabled trails, and incidents are found late.',
  remediation: {
    guidance:
      'CloudTrail console → Trails → <trail> → CloudWatch Logs → Edit → Enabled, choose a log group and IAM role; or aws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn>.',
  },
  references: {
    awsConfigRule: 'CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED',
    securityHub: 'CloudTrail.5',
    urls: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html'],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration ?? {};
    const name = readText(config.name) ?? displayName(resource);
    const trailARN = readText(config.trailARN);
    const logGroupArn = readText(config.cloudWatchLogsLogGroupArn);
    const observed = {
      trailARN: trailARN ?? resource.arn,
      cloudWatchLogsLogGroupArn: logGroupArn,
      cloudWatchLogsRoleArn: readText(config.cloudWatchLogsRoleArn),
    };
    if (logGroupArn !== null) {
      return pass(`CloudTrail trail ${name} delivers events to CloudWatch Logs group ${logGroupArn}.`, observed);
    }
    // Config omits cloudWatchLogsLogGroupArn when none is set; an item without the trail's identity is partial instead.
    if (trailARN === null && readText(config.name) === null) {
      return insufficientData(`CloudTrail trail ${name} has no recorded trail configuration.`, observed);
    }
    return fail(`CloudTrail trail ${name} does not deliver events to CloudWatch Logs.`, observed);
  },
});
