/**
 * AWS's encodings, decoded in one place so that no control ever sees them.
 */

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: string };

const looksLikeJson = (text: string): boolean => {
  const first = text.trimStart()[0];
  return first === '{' || first === '[' || first === '"';
};

/**
 * Decodes a value that AWS may deliver as an object or as its JSON string.
 * Config's API form double-encodes some values (the S3 `AccessControlList`),
 * so a string that decodes to another JSON string is decoded again.
 *
 * @example
 * decodeJsonValue('{"status":"Enabled"}') // { ok: true, value: { status: 'Enabled' } }
 */
export function decodeJsonValue(value: unknown): Decoded<unknown> {
  let current = value;
  // Two rounds cover every double encoding seen in Config output.
  for (let round = 0; round < 3 && typeof current === 'string'; round++) {
    if (!looksLikeJson(current) && !/^(true|false|null|-?\d)/.test(current.trim())) {
      return { ok: true, value: current };
    }
    try {
      current = JSON.parse(current);
    } catch (error) {
      // A plain string that merely starts like JSON is a value, not an encoding,
      // on every round but the first.
      if (round > 0) return { ok: true, value: current };
      return { ok: false, error: `not valid JSON (${(error as Error).message})` };
    }
  }
  return { ok: true, value: current };
}

/**
 * IAM policy documents: Config and the IAM API return them URL-encoded JSON
 * (`%7B%22Version%22...`); some tools hand them over decoded, as a JSON string
 * or as an object. Percent-decoding uses decodeURIComponent, which, like
 * Python's `unquote` (not `unquote_plus`), leaves `+` alone.
 *
 * @example
 * decodePolicyDocument('%7B%22Version%22%3A%222012-10-17%22%7D') // { ok: true, value: { Version: '2012-10-17' } }
 */
export function decodePolicyDocument(value: unknown): Decoded<Record<string, unknown>> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return { ok: true, value: value as Record<string, unknown> };
  }
  // Some tools (the Config RDK's sample items) wrap the document in a one-element array.
  if (Array.isArray(value) && value.length === 1 && isRecord(value[0])) return { ok: true, value: value[0] };
  if (typeof value !== 'string') return { ok: false, error: `policy document is ${describeType(value)}` };
  let text = value.trim();
  if (text.startsWith('%') || /%7B|%22/i.test(text.slice(0, 12))) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return { ok: false, error: 'policy document has invalid percent-encoding' };
    }
  }
  const parsed = decodeJsonValue(text);
  if (!parsed.ok) return { ok: false, error: `policy document is ${parsed.error}` };
  if (Array.isArray(parsed.value) && parsed.value.length === 1 && isRecord(parsed.value[0])) {
    return { ok: true, value: parsed.value[0] };
  }
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    return { ok: false, error: `policy document decodes to ${describeType(parsed.value)}` };
  }
  return { ok: true, value: parsed.value as Record<string, unknown> };
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' || typeof value === 'undefined' ? `an ${typeof value}` : `a ${typeof value}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Config times arrive as ISO strings, as epoch numbers in the boto/CLI
 * variant (seconds) and some events (milliseconds), or as Date objects from
 * the SDK. Returns ISO-8601 or null.
 */
const CANONICAL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export function toIsoTime(value: unknown): string | null {
  // The SDK v3 hands times over as Date objects.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  // Config's own times are already canonical: skip the Date round trip.
  if (typeof value === 'string' && CANONICAL_ISO.test(value)) return value;
  if (typeof value === 'string' && value.length > 0) {
    if (/^\d+(\.\d+)?$/.test(value)) return toIsoTime(Number(value));
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : new Date(time).toISOString();
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Below 1e11 an epoch is in seconds (1e11 s is the year 5138).
    return new Date(value < 1e11 ? value * 1000 : value).toISOString();
  }
  return null;
}
