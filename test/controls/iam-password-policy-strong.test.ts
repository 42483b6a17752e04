import control from '../../controls/iam-password-policy-strong.js';
import { describe, expect, it } from 'vitest';
import { contextOf, testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
type Raw = any;

const withPolicy = (policy: unknown) =>
  loadItem('account/iam-baseline', (raw: Raw) => {
    raw.iam.passwordPolicy = policy;
  });

testControl(control, [
  {
    name: 'length 16, every class, reuse 24, 90-day expiry',
    resource: loadItem('account/iam-baseline'),
    expected: 'PASS',
    observed: { failedAttributes: [] },
  },
  {
    name: 'no password policy (NoSuchEntity)',
    resource: withPolicy(null),
    expected: 'FAIL',
    reason: 'Account 111122223333 has no IAM password policy',
  },
  {
    // The shape GetAccountPasswordPolicy returns for a weak policy: unset age and reuse are absent.
    name: 'weak policy: length 10, no classes, no expiry, no reuse prevention',
    resource: withPolicy({
      MinimumPasswordLength: 10,
      RequireSymbols: false,
      RequireNumbers: false,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      ExpirePasswords: false,
    }),
    expected: 'FAIL',
    reason:
      'MinimumPasswordLength, RequireSymbols, RequireNumbers, RequireUppercaseCharacters, RequireLowercaseCharacters, PasswordReusePrevention, MaxPasswordAge',
    observed: {
      failedAttributes: [
        { attribute: 'MinimumPasswordLength', expected: '>= 14', actual: 10 },
        { attribute: 'RequireSymbols', expected: 'true', actual: false },
        { attribute: 'RequireNumbers', expected: 'true', actual: false },
        { attribute: 'RequireUppercaseCharacters', expected: 'true', actual: false },
        { attribute: 'RequireLowercaseCharacters', expected: 'true', actual: false },
        { attribute: 'PasswordReusePrevention', expected: '>= 24', actual: null },
        { attribute: 'MaxPasswordAge', expected: '1..90', actual: null },
      ],
    },
  },
  {
    name: 'passwords expire after 365 days and only 5 are remembered',
    resource: loadItem('account/iam-baseline', (raw: Raw) => {
      raw.iam.passwordPolicy.MaxPasswordAge = 365;
      raw.iam.passwordPolicy.PasswordReusePrevention = 5;
    }),
    expected: 'FAIL',
    reason: 'falls short on PasswordReusePrevention, MaxPasswordAge',
  },
  {
    name: 'booleans and numbers delivered as strings',
    resource: loadItem('account/iam-baseline', (raw: Raw) => {
      raw.iam.passwordPolicy.RequireSymbols = 'TRUE';
      raw.iam.passwordPolicy.MinimumPasswordLength = '14';
    }),
    expected: 'PASS',
  },
  {
    name: 'password policy not collected (AccessDenied recorded)',
    resource: loadItem('account/iam-baseline', (raw: Raw) => {
      delete raw.iam.passwordPolicy;
      raw.collectionErrors = [
        { service: 'iam', operation: 'GetAccountPasswordPolicy', code: 'AccessDenied', message: 'denied' },
      ];
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'was not collected',
    observed: { collectionErrors: [{ code: 'AccessDenied' }] },
  },
  { name: 'password policy is not an object', resource: withPolicy('strong'), expected: 'INSUFFICIENT_DATA' },
]);

describe('parameters', () => {
  it('treats maxAgeDays 0 and reusePrevention 0 as "not required"', () => {
    // Prepare
    const account = loadItem('account/iam-baseline', (raw: Raw) => {
      delete raw.iam.passwordPolicy.MaxPasswordAge;
      delete raw.iam.passwordPolicy.PasswordReusePrevention;
      raw.iam.passwordPolicy.ExpirePasswords = false;
    });
    const parameters = { ...control.parameters, maxAgeDays: 0, reusePrevention: 0 };
    // Act
    const verdict = control.evaluate({
      resource: account,
      context: contextOf([]),
      parameters,
      asOf: new Date('2026-10-02T06:00:00Z'),
    });
    // Assess
    expect(verdict.status).toBe('PASS');
  });
});
