import { defineControl } from '../engine/evaluate/define-control.js';
import { fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';
import { readBoolean, readField, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'ebs-default-encryption-enabled',
  title: 'EBS encryption by default is enabled in every recorded region',
  service: 'ebs',
  severity: 'medium',
  resourceTypes: ['AWS::::Account'],
  description:
    'GetEbsEncryptionByDefault is true in every region of the account facts. A region where it is false fails; a region whose value was not collected, or failed to collect, leaves the verdict open.',
  rationale:
    'Without the account setting, any volume or snapshot copy created without an explicit flag is stored unencrypted; the default is the control that stops new unencrypted volumes from appearing.',
  remediation: {
    guidance:
      'In each region: aws ec2 enable-ebs-encryption-by-default --region <region>, or EC2 console > Settings > Data protection and security > EBS encryption > Manage > Enable.',
  },
  references: {
    awsConfigRule: 'EC2_EBS_ENCRYPTION_BY_DEFAULT',
    securityHub: 'EC2.7',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/ec2-ebs-encryption-by-default.html',
      'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
    ],
  },
  evaluate: ({ resource }) => {
    const account = resource.resourceId;
    const regions = isRecord(resource.configuration?.regions) ? resource.configuration.regions : {};
    const enabled: string[] = [];
    const disabled: string[] = [];
    const unknown = new Set<string>();
    for (const [region, facts] of Object.entries(regions)) {
      const value = readBoolean(readField(facts, 'ebsEncryptionByDefault'));
      if (value === true) enabled.push(region);
      else if (value === false) disabled.push(region);
      else unknown.add(region);
    }
    const errors = resource.configuration?.collectionErrors;
    for (const failure of Array.isArray(errors) ? errors : []) {
      const region = readText(readField(failure, 'region'));
      if (
        readText(readField(failure, 'operation')) === 'GetEbsEncryptionByDefault' &&
        region &&
        !enabled.includes(region)
      ) {
        if (!disabled.includes(region)) unknown.add(region);
      }
    }
    const observed = {
      enabledRegions: enabled.sort(),
      disabledRegions: disabled.sort(),
      uncollectedRegions: [...unknown].sort(),
    };
    if (disabled.length > 0) {
      return fail(`Account ${account} has EBS encryption by default disabled in ${disabled.join(', ')}.`, observed);
    }
    if (unknown.size > 0) {
      return insufficientData(
        `Account ${account} has no recorded EBS encryption-by-default setting for ${[...unknown].sort().join(', ')}.`,
        observed,
      );
    }
    if (enabled.length === 0) {
      return insufficientData(
        `Account ${account} has no recorded EBS encryption-by-default setting in any region.`,
        observed,
      );
    }
    return pass(`Account ${account} has EBS encryption by default enabled in ${enabled.join(', ')}.`, observed);
  },
});
