import { collectionErrorsFor } from '../engine/evaluate/account-facts.js';
import { rootCredentialFacts, unknownRootFact } from '../engine/evaluate/credential-report.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';

/** A virtual device is bound to root when its User.Arn is the account's `:root` ARN (the serial number proves nothing). */
const boundToRoot = (device: unknown): boolean =>
  isRecord(device) &&
  isRecord(device.User) &&
  typeof device.User.Arn === 'string' &&
  /^arn:aws[a-z-]*:iam::\d{12}:root$/.test(device.User.Arn);

export default defineControl({
  id: 'iam-root-hardware-mfa-enabled',
  title: 'Root user of the AWS account uses only hardware MFA',
  service: 'iam',
  severity: 'critical',
  resourceTypes: ['AWS::::Account'],
  description:
    'PASS when root MFA is on (account summary, else credential report) and ListVirtualMFADevices shows no virtual device whose User.Arn is the root ARN. Root may hold several MFA devices: one virtual device is enough to FAIL.',
  rationale:
    'A virtual MFA seed lives on a phone or laptop that can be cloned, backed up or lost. Root is the one identity that cannot be constrained by any policy, so its second factor should be a hardware key that cannot be copied.',
  remediation: {
    guidance:
      'Sign in as root, open IAM > Security credentials > Multi-factor authentication (MFA), assign a FIDO security key or hardware TOTP token, then remove every virtual MFA device listed for the root user.',
  },
  references: {
    awsConfigRule: 'ROOT_ACCOUNT_HARDWARE_MFA_ENABLED',
    securityHub: 'IAM.6',
    urls: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-hw-mfa-for-root.html'],
  },
  evaluate: ({ resource: account }) => {
    const name = `account ${account.accountId}`;
    const { mfaEnabled } = rootCredentialFacts(account);
    const iam = account.configuration?.iam;
    const devices = isRecord(iam) ? iam.virtualMfaDevices : undefined;
    const observed: Record<string, unknown> = { rootMfaEnabled: mfaEnabled.value, decidedBy: mfaEnabled.source };
    if (mfaEnabled.value === false) return fail(`Root user of ${name} has no MFA device.`, observed);
    if (mfaEnabled.value === null)
      return unknownRootFact(account, `Root user MFA state of ${name} is unknown`, observed);
    if (!Array.isArray(devices)) {
      return insufficientData(
        `Root user of ${name} has MFA, but the virtual MFA device list was not collected, so its type is unknown.`,
        {
          ...observed,
          collectionErrors: collectionErrorsFor(account, { operations: ['ListVirtualMFADevices'] }),
        },
      );
    }
    const rootVirtual = devices.filter(boundToRoot).map((device) => (isRecord(device) ? device.SerialNumber : null));
    observed.rootVirtualMfaDevices = rootVirtual;
    return rootVirtual.length === 0
      ? pass(`Root user of ${name} has MFA and no virtual MFA device.`, observed)
      : fail(`Root user of ${name} has a virtual MFA device (${rootVirtual.join(', ')}).`, observed);
  },
});
