import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, error, fail, insufficientData, notApplicable, pass } from '../engine/evaluate/verdict.js';
import { toIsoTime } from '../engine/normalize/decode.js';
import { readField, readText } from '../engine/evaluate/config-fields.js';

const DAY_MS = 86_400_000;
/** Requested certificates that were never issued have no validity period to judge. */
const NEVER_ISSUED = ['PENDING_VALIDATION', 'VALIDATION_TIMED_OUT', 'FAILED'];

export default defineControl({
  id: 'acm-certificate-not-expiring',
  title: 'ACM certificate is valid for more than the minimum number of days',
  service: 'acm',
  severity: 'medium',
  resourceTypes: ['AWS::ACM::Certificate'],
  description:
    'An issued or imported certificate has notAfter more than minDaysToExpiry (default 30) days after the evaluation time; EXPIRED and REVOKED certificates fail; never-issued requests are not applicable. Certificates in use by nothing are judged too, and the reason says so.',
  rationale:
    'An expired certificate takes an HTTPS endpoint down or trains users to click through warnings; imported certificates, and Amazon-issued ones whose DNS validation broke, are not renewed by ACM and expire silently.',
  remediation: {
    guidance:
      'Re-import a renewed certificate (aws acm import-certificate --certificate-arn <arn> ...) or fix the DNS validation record so ACM can renew it; ACM console > Certificates > <certificate> > Renewal status shows why renewal is pending.',
  },
  references: {
    awsConfigRule: 'ACM_CERTIFICATE_EXPIRATION_CHECK',
    securityHub: 'ACM.1',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/acm-certificate-expiration-check.html',
      'https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html',
    ],
  },
  parameters: { minDaysToExpiry: 30 },
  evaluate: ({ resource, parameters, asOf }) => {
    const configuration = resource.configuration ?? {};
    const name = readText(readField(configuration, 'domainName')) ?? displayName(resource);
    const status = readText(readField(configuration, 'status'))?.toUpperCase() ?? null;
    const inUseByValue = readField(configuration, 'inUseBy');
    const inUseBy = Array.isArray(inUseByValue) ? inUseByValue : null;
    const rawNotAfter = readField(configuration, 'notAfter');
    const notAfter = rawNotAfter === undefined || rawNotAfter === null ? null : toIsoTime(rawNotAfter);
    const daysToExpiry = notAfter === null ? null : Math.floor((Date.parse(notAfter) - asOf.getTime()) / DAY_MS);
    const observed = {
      status,
      type: readText(readField(configuration, 'type')),
      notAfter,
      daysToExpiry,
      minDaysToExpiry: parameters.minDaysToExpiry,
      renewalEligibility: readText(readField(configuration, 'renewalEligibility')),
      inUseBy,
    };
    const unused = inUseBy !== null && inUseBy.length === 0 ? '; it is not in use by any resource' : '';
    if (status !== null && NEVER_ISSUED.includes(status)) {
      return notApplicable(`ACM certificate ${name} was never issued (status ${status}).`, observed);
    }
    if (status === 'REVOKED') return fail(`ACM certificate ${name} is revoked${unused}.`, observed);
    if (status === 'EXPIRED')
      return fail(`ACM certificate ${name} expired on ${notAfter ?? 'an unrecorded date'}${unused}.`, observed);
    if (rawNotAfter === undefined || rawNotAfter === null) {
      return insufficientData(`ACM certificate ${name} has no recorded expiry date (notAfter).`, observed);
    }
    if (notAfter === null || daysToExpiry === null) {
      return error(`ACM certificate ${name} has an unreadable expiry date ${JSON.stringify(rawNotAfter)}.`, observed);
    }
    if (daysToExpiry < 0) return fail(`ACM certificate ${name} expired on ${notAfter}${unused}.`, observed);
    if (daysToExpiry < parameters.minDaysToExpiry) {
      return fail(
        `ACM certificate ${name} expires in ${daysToExpiry} days, on ${notAfter}, less than ${parameters.minDaysToExpiry}${unused}.`,
        observed,
      );
    }
    return pass(
      `ACM certificate ${name} is valid for ${daysToExpiry} more days, until ${notAfter}${unused}.`,
      observed,
    );
  },
});
