/**
 * Builders for IAM items and the account's IAM facts, shared by the IAM
 * engine and control tests: each starts from a fixture and changes one thing.
 */
import { type PolicySource, type PrincipalPolicies, singlePolicy } from '../../engine/evaluate/iam-policy-sources.js';
import { parsePolicy } from '../../engine/evaluate/policy.js';
import type { Resource } from '../../engine/types.js';
import { parseCredentialReportCsv } from '../../engine/normalize/account-facts.js';
import { editJson, loadItem } from './fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
type Raw = any;

/** The fixtures' account and partition. */
export const SCOPE = { partition: 'aws', accountId: '111122223333' };

export const ALLOW_ALL = { Effect: 'Allow', Action: '*', Resource: '*' };

/** A policy document URL-encoded, as AWS Config delivers IAM documents in every wire shape. */
export const encodedPolicy = (statements: unknown[]): string =>
  encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: statements }));

/** An inline policy source holding `statements`. */
export function policySource(statements: Record<string, unknown>[], name = 'test-policy'): PolicySource {
  const parsed = parsePolicy({ Version: '2012-10-17', Statement: statements });
  if (!parsed.ok) throw new Error(parsed.error);
  return { kind: 'inline', name, arn: null, viaGroup: null, versionId: null, statements: parsed.statements };
}

/** One inline policy of `statements`, inside an optional permissions boundary. */
export const holding = (
  statements: Record<string, unknown>[],
  boundary?: Record<string, unknown>[],
): PrincipalPolicies => ({
  ...singlePolicy(policySource(statements)),
  boundary: boundary ? policySource(boundary, 'boundary') : null,
});

/** Attaches a managed policy to a principal's configuration. */
export const attachPolicy = (config: Raw, arn: string): void => {
  config.attachedManagedPolicies.push({ policyName: arn.split('/').pop(), policyArn: arn });
};

/** Sets a principal's permissions boundary. */
export const setBoundary = (config: Raw, arn: string): void => {
  config.permissionsBoundary = { permissionsBoundaryType: 'Policy', permissionsBoundaryArn: arn };
};

/** The baseline role (snapshot form) with one inline policy of `statements` and its configuration edited. */
export const roleWithInline = (
  statements: unknown[],
  options: { policyName?: string; edit?: (config: Raw) => void } = {},
): Resource =>
  loadItem('iam-role/baseline', (raw: Raw) => {
    raw.configuration.rolePolicyList = [
      { policyName: options.policyName ?? 'ops-inline', policyDocument: encodedPolicy(statements) },
    ];
    options.edit?.(raw.configuration);
  });

/** The baseline customer-managed policy (API form) with its configuration edited. */
export const policyWith = (edit: (config: Raw) => void): Resource =>
  loadItem('iam-policy/baseline', (raw: Raw) => editJson(raw, 'configuration', edit));

/** The baseline policy with its default version's document replaced, URL-encoded as IAM returns it. */
export const policyWithDefaultDocument = (statements: unknown[]): Resource =>
  policyWith((config) => {
    config.policyVersionList[0].document = encodedPolicy(statements);
  });

/** The baseline user (API form) renamed to another row of the credential report. */
export const userNamed = (name: string): Resource =>
  loadItem('iam-user/baseline', (raw: Raw) => {
    raw.arn = `arn:aws:iam::111122223333:user/${name}`;
    raw.resourceName = name;
    raw.configuration = raw.configuration.replaceAll('priya.natarajan', name);
  });

/**
 * The baseline account with cells of one credential-report row changed
 * (`<root_account>` or a user name), and without the account summary when
 * the report alone must decide.
 */
export const accountWithReportCells = (
  user: string,
  cells: Record<string, string>,
  options: { dropSummary?: boolean } = {},
): Resource =>
  loadItem('account/iam-baseline', (raw: Raw) => {
    if (options.dropSummary) delete raw.iam.accountSummary;
    const rows = parseCredentialReportCsv(raw.iam.credentialReport.csv);
    const row = rows.find((candidate) => candidate.user === user);
    if (!row) throw new Error(`no credential-report row for ${user}`);
    Object.assign(row, cells);
    raw.iam.credentialReport = { generatedTime: raw.iam.credentialReport.generatedTime, rows };
  });
