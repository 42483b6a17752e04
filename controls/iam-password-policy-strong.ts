import { collectionErrorsFor } from '../engine/evaluate/account-facts.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';
import { readBoolean, readNumber } from '../engine/evaluate/config-fields.js';

/** GetAccountPasswordPolicy booleans; "true"/"false" strings come from re-serialised records. */
const flag = (value: unknown): boolean => readBoolean(value) === true;

interface Shortfall {
  attribute: string;
  expected: string;
  actual: unknown;
}

export default defineControl({
  id: 'iam-password-policy-strong',
  title: 'Account password policy for IAM users is strong',
  service: 'iam',
  severity: 'medium',
  resourceTypes: ['AWS::::Account'],
  description:
    'Checks the account password policy: minimum length, the four character classes, reuse prevention and maximum age (a parameter of 0 means not required). No policy (NoSuchEntity) FAILs; a policy that was not collected is INSUFFICIENT_DATA.',
  rationale:
    'Without a policy IAM accepts 8-character passwords with no complexity, no expiry and unlimited reuse, which makes console passwords easy to guess, spray or recycle from other breaches.',
  remediation: {
    guidance:
      'aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --password-reuse-prevention 24 --max-password-age 90',
  },
  references: {
    awsConfigRule: 'IAM_PASSWORD_POLICY',
    securityHub: 'IAM.7',
    urls: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html'],
  },
  parameters: {
    minimumLength: 14,
    requireSymbols: true,
    requireNumbers: true,
    requireUppercase: true,
    requireLowercase: true,
    reusePrevention: 24,
    maxAgeDays: 90,
  },
  evaluate: ({ resource: account, parameters }) => {
    const name = `account ${account.accountId}`;
    const iam = account.configuration?.iam;
    const policy = isRecord(iam) ? iam.passwordPolicy : undefined;
    if (policy === undefined) {
      return insufficientData(`Password policy of ${name} was not collected.`, {
        collectionErrors: collectionErrorsFor(account, { operations: ['GetAccountPasswordPolicy'] }),
      });
    }
    if (policy === null) {
      return fail(
        `Account ${account.accountId} has no IAM password policy, so IAM defaults apply (8 characters, no complexity, no expiry).`,
        {
          passwordPolicy: null,
        },
      );
    }
    if (!isRecord(policy))
      return insufficientData(`Password policy of ${name} is not an object.`, { passwordPolicy: policy });

    const shortfalls: Shortfall[] = [];
    const length = readNumber(policy.MinimumPasswordLength);
    if (length === null || length < parameters.minimumLength) {
      shortfalls.push({
        attribute: 'MinimumPasswordLength',
        expected: `>= ${parameters.minimumLength}`,
        actual: length,
      });
    }
    const classes: ['requireSymbols' | 'requireNumbers' | 'requireUppercase' | 'requireLowercase', string][] = [
      ['requireSymbols', 'RequireSymbols'],
      ['requireNumbers', 'RequireNumbers'],
      ['requireUppercase', 'RequireUppercaseCharacters'],
      ['requireLowercase', 'RequireLowercaseCharacters'],
    ];
    for (const [parameter, attribute] of classes) {
      if (parameters[parameter] && !flag(policy[attribute]))
        shortfalls.push({ attribute, expected: 'true', actual: policy[attribute] ?? null });
    }
    const reuse = readNumber(policy.PasswordReusePrevention);
    if (parameters.reusePrevention > 0 && (reuse ?? 0) < parameters.reusePrevention) {
      shortfalls.push({
        attribute: 'PasswordReusePrevention',
        expected: `>= ${parameters.reusePrevention}`,
        actual: reuse,
      });
    }
    const maxAge = readNumber(policy.MaxPasswordAge);
    // MaxPasswordAge 0 or absent means passwords never expire.
    if (parameters.maxAgeDays > 0 && (maxAge === null || maxAge === 0 || maxAge > parameters.maxAgeDays)) {
      shortfalls.push({ attribute: 'MaxPasswordAge', expected: `1..${parameters.maxAgeDays}`, actual: maxAge });
    }
    const observed = { passwordPolicy: policy, failedAttributes: shortfalls };
    return shortfalls.length === 0
      ? pass(`Password policy of ${name} meets every requirement.`, observed)
      : fail(`Password policy of ${name} falls short on ${shortfalls.map((s) => s.attribute).join(', ')}.`, observed);
  },
});
