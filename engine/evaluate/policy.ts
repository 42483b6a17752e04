/**
 * IAM policy language, shared by every control that reads a policy: identity
 * policies, S3 bucket policies, KMS key policies, SNS/SQS/Lambda resource
 * policies and role trust policies.
 *
 * AWS accepts a string or an array for Action, NotAction, Resource,
 * NotResource and each Principal value, and a single object or an array for
 * Statement; `parsePolicy` turns all of these into arrays once.
 */
import { decodePolicyDocument, isRecord } from '../normalize/decode.js';
import { type Cidr, isPrivateCidr, parseCidr } from './cidr.js';

export interface PolicyPrincipal {
  /** `"Principal": "*"` (or `{"AWS": "*"}`): anyone. */
  wildcard: boolean;
  aws: string[];
  service: string[];
  federated: string[];
  canonicalUser: string[];
}

/** Condition block: operator → key → values; keys are lower-cased (AWS treats them case-insensitively). */
export type PolicyCondition = Record<string, Record<string, string[]>>;

export interface PolicyStatement {
  sid: string | null;
  effect: 'Allow' | 'Deny';
  principal: PolicyPrincipal | null;
  notPrincipal: PolicyPrincipal | null;
  actions: string[] | null;
  notActions: string[] | null;
  resources: string[] | null;
  notResources: string[] | null;
  condition: PolicyCondition;
}

export type ParsedPolicy = { ok: true; statements: PolicyStatement[] } | { ok: false; error: string };

const asStrings = (value: unknown): string[] | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return null;
};

function parsePrincipal(value: unknown): PolicyPrincipal | null {
  if (value === undefined || value === null) return null;
  const principal: PolicyPrincipal = { wildcard: false, aws: [], service: [], federated: [], canonicalUser: [] };
  if (value === '*') {
    principal.wildcard = true;
    return principal;
  }
  if (!isRecord(value)) return principal;
  for (const [kind, entries] of Object.entries(value)) {
    const list = asStrings(entries) ?? [];
    switch (kind.toLowerCase()) {
      case 'aws':
        principal.aws.push(...list);
        if (list.includes('*')) principal.wildcard = true;
        break;
      case 'service':
        principal.service.push(...list);
        break;
      case 'federated':
        principal.federated.push(...list);
        break;
      case 'canonicaluser':
        principal.canonicalUser.push(...list);
        if (list.includes('*')) principal.wildcard = true;
        break;
    }
  }
  return principal;
}

function parseCondition(value: unknown): PolicyCondition {
  const condition: PolicyCondition = {};
  if (!isRecord(value)) return condition;
  for (const [operator, block] of Object.entries(value)) {
    if (!isRecord(block)) continue;
    const keys: Record<string, string[]> = {};
    for (const [key, values] of Object.entries(block)) {
      // Condition values may be strings, booleans or numbers, alone or in arrays.
      const list = Array.isArray(values) ? values : [values];
      keys[key.toLowerCase()] = list.map((item) => String(item));
    }
    condition[operator] = keys;
  }
  return condition;
}

/**
 * Parses a policy document (object, JSON string or URL-encoded JSON).
 *
 * @example
 * const parsed = parsePolicy(bucket.supplementary.BucketPolicy?.policyText);
 * if (parsed.ok) parsed.statements.filter((s) => s.effect === 'Allow');
 */
export function parsePolicy(document: unknown): ParsedPolicy {
  // Several controls read the same document (a role's policies, a bucket
  // policy): parse each decoded document once. Keyed by the object itself,
  // so the memo is invisible to callers and freed with the inventory.
  if (typeof document === 'string') {
    // Policy text (a bucket policy's policyText) cannot key a WeakMap; the
    // controls of one resource ask one after another, so the last few do.
    let parsed = recentTexts.get(document);
    if (!parsed) {
      parsed = parseDocumentUncached(document);
      if (recentTexts.size >= RECENT_TEXTS) recentTexts.delete(recentTexts.keys().next().value as string);
      recentTexts.set(document, parsed);
    }
    return parsed;
  }
  const cached = isRecord(document) ? parsedDocuments.get(document) : undefined;
  if (cached) return cached;
  const parsed = parseDocumentUncached(document);
  if (isRecord(document)) parsedDocuments.set(document, parsed);
  return parsed;
}

const parsedDocuments = new WeakMap<object, ParsedPolicy>();
const RECENT_TEXTS = 64;
const recentTexts = new Map<string, ParsedPolicy>();

function parseDocumentUncached(document: unknown): ParsedPolicy {
  const decoded = decodePolicyDocument(document);
  if (!decoded.ok) return decoded;
  const raw = decoded.value.Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const statements: PolicyStatement[] = [];
  for (const [index, item] of list.entries()) {
    if (!isRecord(item)) return { ok: false, error: `statement ${index} is not an object` };
    const effect = item.Effect;
    if (effect !== 'Allow' && effect !== 'Deny')
      return { ok: false, error: `statement ${index} has Effect ${String(effect)}` };
    statements.push({
      sid: typeof item.Sid === 'string' ? item.Sid : null,
      effect,
      principal: parsePrincipal(item.Principal),
      notPrincipal: parsePrincipal(item.NotPrincipal),
      actions: asStrings(item.Action),
      notActions: asStrings(item.NotAction),
      resources: asStrings(item.Resource),
      notResources: asStrings(item.NotResource),
      condition: parseCondition(item.Condition),
    });
  }
  return { ok: true, statements };
}

/** Whether two UTF-16 code units are the same letter in either case. */
function sameIgnoringCase(a: number, b: number): boolean {
  if (a === b) return true;
  // ASCII letters differ by 0x20 between cases; anything else goes through the Unicode mapping.
  if (a < 128 && b < 128) return (a | 0x20) === (b | 0x20) && (a | 0x20) >= 97 && (a | 0x20) <= 122;
  return String.fromCharCode(a).toLowerCase() === String.fromCharCode(b).toLowerCase();
}

/**
 * IAM wildcard matching of one value: `*` any run of characters, `?` one
 * character, each character compared by `same`. A scan with one backtrack
 * point rather than a regex per pattern: real policies name thousands of
 * distinct ARN patterns, and compiling (and caching) a regex for each cost
 * more time and memory than the match.
 */
function globMatches(pattern: string, value: string, same: (a: number, b: number) => boolean): boolean {
  if (pattern === '*') return true;
  let p = 0;
  let v = 0;
  // Where the last `*` was, and how much of the value it has swallowed so far.
  let star = -1;
  let swallowedTo = 0;
  while (v < value.length) {
    if (p < pattern.length) {
      const code = pattern.charCodeAt(p);
      if (code === 42 /* * */) {
        star = p++;
        swallowedTo = v;
        continue;
      }
      if (code === 63 /* ? */ || same(code, value.charCodeAt(v))) {
        p++;
        v++;
        continue;
      }
    }
    if (star === -1) return false;
    // Let the last `*` take one more character and try the rest again.
    p = star + 1;
    v = ++swallowedTo;
  }
  while (p < pattern.length && pattern.charCodeAt(p) === 42) p++;
  return p === pattern.length;
}

const sameExactly = (a: number, b: number): boolean => a === b;

/**
 * Matches an action pattern (`Action`, `NotAction`): case-insensitive, as
 * IAM action names are.
 *
 * @example
 * matchesWildcard('s3:Get*', 's3:GetObject') // true
 */
export function matchesWildcard(pattern: string, value: string): boolean {
  return globMatches(pattern, value, sameIgnoringCase);
}

/**
 * Matches a `Resource`/`NotResource` ARN pattern: case-sensitive, as IAM
 * compares ARNs (`user/Bob` is not `user/bob`). Matching them without case
 * would let a Deny for `MyBucket` pass for protecting `mybucket`.
 *
 * @example
 * matchesResourcePattern('arn:aws:s3:::logs-*', 'arn:aws:s3:::logs-prod') // true
 */
export function matchesResourcePattern(pattern: string, arn: string): boolean {
  return globMatches(pattern, arn, sameExactly);
}

/**
 * A statement's Sid, or `#<index>` when it has none, for reasons and evidence.
 *
 * @example
 * statementLabel(statement, 2) // 'DenyInsecureTransport', or '#2' without a Sid
 */
export const statementLabel = (statement: PolicyStatement, index: number): string => statement.sid ?? `#${index}`;

/** Whether the statement's Action (or NotAction) covers `action`. */
export function statementCoversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.actions) return statement.actions.some((pattern) => matchesWildcard(pattern, action));
  if (statement.notActions) return !statement.notActions.some((pattern) => matchesWildcard(pattern, action));
  return false;
}

/** Whether the statement's Resource (or NotResource) covers every resource (`*`). */
export function statementCoversAllResources(statement: PolicyStatement): boolean {
  if (statement.resources) return statement.resources.includes('*');
  // NotResource excludes something, so it is narrower than `*` unless it excludes nothing real.
  if (statement.notResources) return statement.notResources.length === 0;
  // Resource-based policies may omit Resource; the resource is then the policy's own.
  return true;
}

/** Whether the principal (or NotPrincipal with Allow) reaches anyone at all. */
export function statementHasPublicPrincipal(statement: PolicyStatement): boolean {
  if (statement.principal?.wildcard) return true;
  // Allow + NotPrincipal grants everyone except the named principals.
  if (statement.effect === 'Allow' && statement.notPrincipal) return true;
  // `arn:aws:iam::*:root` names every account.
  return statement.principal?.aws.some((arn) => /^arn:aws[a-z-]*:iam::\*:/.test(arn)) ?? false;
}

/**
 * Condition keys that, with fixed values, pin a public principal to a known
 * network, organization, account or resource (S3's and Access Analyzer's
 * definition of "not public").
 */
const PINNING_KEYS = new Set([
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourcearn',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:userid',
  'kms:calleraccount',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
]);

/**
 * Operators whose match narrows who may call. Negations and `...IfExists` do
 * not, nor does `ForAllValues:`, which is true when the key is absent.
 *
 * @example
 * isNarrowingOperator('ForAnyValue:StringLike') // true; 'StringEqualsIfExists' → false
 */
export const isNarrowingOperator = (operator: string): boolean => {
  if (operator.startsWith('ForAllValues:')) return false;
  const base = operator.replace(/^ForAnyValue:/, '');
  if (/IfExists$/.test(base)) return false;
  return ['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike', 'IpAddress'].includes(base);
};

/**
 * The values of condition `key` (lower-cased, as parsed) under the operators
 * that narrow who matches (`isNarrowingOperator`), from every such operator;
 * null when no narrowing operator names the key.
 *
 * @example
 * narrowingValues(statement.condition, 'sts:externalid') // ['f7c1…'] for StringEquals, null for StringEqualsIfExists
 */
export function narrowingValues(condition: PolicyCondition, key: string): string[] | null {
  let found: string[] | null = null;
  for (const [operator, keys] of Object.entries(condition)) {
    if (!isNarrowingOperator(operator)) continue;
    const values = keys[key.toLowerCase()];
    if (values && values.length > 0) found = [...(found ?? []), ...values];
  }
  return found;
}

/** A value is fixed when it has no wildcard or policy variable, or is an ARN pinned to one account. */
const isFixedValue = (value: string): boolean => {
  if (value.includes('${')) return false;
  if (!/[*?]/.test(value)) return value.length > 0;
  const account = value.startsWith('arn:') ? value.split(':')[4] : undefined;
  return account !== undefined && /^\d{12}$/.test(account);
};

export interface PrincipalRestriction {
  restricted: boolean;
  /** The condition keys that restrict it, e.g. `aws:SourceVpce`. */
  by: string[];
  /** Source IP ranges that limit it, when that is what restricts it. */
  sourceIps: string[];
}

/**
 * Whether a statement's Condition pins an otherwise public principal.
 * `aws:SourceIp` pins only when every range is private (RFC 1918, ULA, ...):
 * a public range is reachable by whoever holds an address in it. This is
 * stricter than S3's own "is public" test, which accepts any fixed CIDR set;
 * the range stays in `observed` so a reviewer can accept an office allow-list.
 */
export function conditionRestrictsPrincipal(condition: PolicyCondition): PrincipalRestriction {
  const by: string[] = [];
  const sourceIps: string[] = [];
  for (const [operator, keys] of Object.entries(condition)) {
    if (!isNarrowingOperator(operator)) continue;
    for (const [key, values] of Object.entries(keys)) {
      if (values.length === 0) continue;
      if (key === 'aws:sourceip') {
        const ranges = values.map(parseCidr);
        if (ranges.every((range): range is Cidr => range !== null && isPrivateCidr(range))) {
          by.push(key);
          sourceIps.push(...values);
        }
      } else if (PINNING_KEYS.has(key) && values.every(isFixedValue)) {
        by.push(key);
      }
    }
  }
  return { restricted: by.length > 0, by, sourceIps };
}

/** Public principal, not pinned by a condition: the statement grants access to anyone. */
export function isPublicStatement(statement: PolicyStatement): boolean {
  return (
    statement.effect === 'Allow' &&
    statementHasPublicPrincipal(statement) &&
    !conditionRestrictsPrincipal(statement.condition).restricted
  );
}

/**
 * Reads a boolean condition value the way IAM does: `"false"`, `false` and
 * `"FALSE"` are the same.
 */
export const conditionValueIs = (values: string[] | undefined, expected: boolean): boolean =>
  values?.some((value) => value.toLowerCase() === String(expected)) ?? false;
