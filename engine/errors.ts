/**
 * One error hierarchy. Load-time errors fail loudly; per-resource errors become
 * ERROR findings; the CLI prints `error: <message>` without a stack trace.
 */
export class AuditorError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AuditorError';
  }
}

/** A control's metadata breaks the catalog's rules (caught at load and in tests). */
export class ControlDefinitionError extends AuditorError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ControlDefinitionError';
  }
}

/** A framework mapping file is invalid or points at an unknown control. */
export class MappingError extends AuditorError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MappingError';
  }
}

/** Input that cannot be read as an inventory: names the file and the problem. */
export class InputParseError extends AuditorError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InputParseError';
  }
}

/** Wrong command-line usage. */
export class UsageError extends AuditorError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/** Writing the evidence bundle failed. */
export class EvidenceWriteError extends AuditorError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EvidenceWriteError';
  }
}

/** The audit's own scratch space (TMPDIR) could not be written or read: full, missing or not allowed. */
export class ScratchFileError extends AuditorError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ScratchFileError';
  }
}

/** The audit was stopped on request (Ctrl-C, SIGTERM): its unfinished bundle and scratch files are removed. */
export class AuditStoppedError extends AuditorError {
  /** @param reason the stopping signal's reason (the CLI gives the signal's name, `SIGINT`). */
  constructor(readonly reason: unknown = undefined) {
    super('the audit was stopped; its unfinished bundle and scratch files were removed');
    this.name = 'AuditStoppedError';
  }
}

/**
 * Throws an AuditStoppedError, carrying the signal's reason, once `signal` has fired.
 *
 * @example
 * for (const record of records) { stopIfAsked(signal); judge(record); }
 */
export function stopIfAsked(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AuditStoppedError(signal.reason);
}

/** Recomputed hashes do not match a bundle's manifest. */
export class EvidenceVerificationError extends AuditorError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EvidenceVerificationError';
  }
}

/** One line, never a stack: what the CLI and logs show a person. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
