/**
 * The accounts of the demo company, Northwind Health (fictional), and the
 * outside accounts its resources mention.
 */

/** Production: us-east-1 (patient portal, claims) and eu-west-1 (EU analytics). */
export const PROD = '111122223333';
/** Sandbox: a few experiments; its account-level facts were not collected. */
export const SANDBOX = '444455556666';
/** The security vendor that audits production through a role with an external id. */
export const AUDIT_VENDOR = '777788889999';
/** The Amazon Linux image the instances run. */
export const AMI = 'ami-0c7f9a1e3b5d24680';
