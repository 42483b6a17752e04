/**
 * What a failed call means: its code (the SDK puts the service's code in
 * `name`), how the SDK's retry middleware would classify it, whether it is a
 * missing permission, and the collection-error record it becomes.
 */
import { AuditorError } from '../errors.js';
import type { CollectionError } from '../normalize/account-facts.js';

export type RetryErrorType = 'THROTTLING' | 'TRANSIENT' | 'SERVER_ERROR' | 'CLIENT_ERROR';

// The lists of the SDK's retry middleware, so the caller's loop retries exactly what the SDK's would.
const THROTTLING_CODES = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
]);
const TRANSIENT_CODES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** Codes that mean the caller lacks the IAM permission (service spellings vary). */
const ACCESS_DENIED_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'AuthorizationError',
  'AuthorizationErrorException',
  'Forbidden',
  'UnauthorizedAccess',
  'UnauthorizedException',
  'UnauthorizedOperation',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
}
const shapeOf = (error: unknown): ErrorShape =>
  error !== null && typeof error === 'object' ? (error as ErrorShape) : {};

/**
 * The error code of an SDK or network error: the SDK puts the service's code
 * in `name`; Node network errors keep theirs in `code`.
 *
 * @example
 * errorCode(new Error('x')) // 'Error'
 */
export function errorCode(error: unknown): string {
  const shape = shapeOf(error);
  if (typeof shape.code === 'string' && (shape.name === 'Error' || shape.name === undefined)) return shape.code;
  if (typeof shape.name === 'string' && shape.name.length > 0) return shape.name;
  return 'UnknownError';
}

/**
 * How the SDK's retry middleware classifies an error, reproduced for the caller's own retry loop.
 *
 * @example
 * retryErrorType({ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }) // 'THROTTLING'
 */
export function retryErrorType(error: unknown): RetryErrorType {
  const shape = shapeOf(error);
  const code = errorCode(error);
  const status = shape.$metadata?.httpStatusCode ?? 0;
  if (status === 429 || THROTTLING_CODES.has(code) || shape.$retryable?.throttling === true) return 'THROTTLING';
  if (shape.$retryable !== undefined || TRANSIENT_CODES.has(code) || [500, 502, 503, 504].includes(status)) {
    return 'TRANSIENT';
  }
  return status >= 500 ? 'SERVER_ERROR' : 'CLIENT_ERROR';
}

/**
 * Whether an error code says the caller lacks the IAM permission.
 *
 * @example
 * isAccessDenied('AccessDeniedException') // true
 */
export const isAccessDenied = (code: string): boolean => ACCESS_DENIED_CODES.has(code);

/**
 * The error's message on one line, bounded; the code when there is none (S3 sends bare 403s).
 *
 * @example
 * errorMessage(new Error('Rate\n exceeded'), 'Throttling') // 'Rate exceeded'
 */
export function errorMessage(error: unknown, code: string): string {
  const raw = shapeOf(error).message;
  return (typeof raw === 'string' && raw.trim() ? raw : code).replace(/\s+/g, ' ').slice(0, 500);
}

/** A failed call, with its collection-error record. */
export class CollectorCallError extends AuditorError {
  readonly record: CollectionError;
  constructor(record: CollectionError, options?: ErrorOptions) {
    super(
      `${record.service} ${record.operation}${record.region ? ` in ${record.region}` : ''}: ${record.code}: ${record.message}`,
      options,
    );
    this.name = 'CollectorCallError';
    this.record = record;
  }
  get code(): string {
    return this.record.code;
  }
}

/** Collection errors, one entry per service, operation, region and code: a denied action is named once, with a count. */
export class CollectionErrorLog {
  private readonly entries = new Map<string, { record: CollectionError; count: number }>();

  add(record: CollectionError): void {
    const key = [record.service, record.operation, record.region ?? '', record.code].join('|');
    const entry = this.entries.get(key);
    if (entry) entry.count++;
    else this.entries.set(key, { record, count: 1 });
  }

  list(): CollectionError[] {
    return [...this.entries.values()].map(({ record, count }) =>
      count > 1 ? { ...record, message: `${record.message} (${count} calls failed alike)` } : record,
    );
  }
}
