/**
 * Validates a handler's event at the boundary, in the style of Powertools'
 * parser middleware with `safeParse`: the handler receives a result, never a
 * throw. A malformed or unexpected event is logged with its first issues and
 * counted, then acknowledged: throwing would make Lambda retry the same bad
 * event and park it in the DLQ, which helps nobody.
 *
 * No early return from `before`: Powertools' logger and metrics middlewares
 * still run their `after` hooks (and flush the metric) for rejected events.
 */
import type { MiddlewareObj } from '@middy/core';
import type { z } from 'zod';
import { type Counter, type Log, Metric } from './telemetry.js';

export type ParsedEvent<T> =
  | { success: true; data: T }
  | { success: false; error: string; issues: { path: string; message: string }[] };

export interface ValidateEventOptions<S extends z.ZodType> {
  schema: S;
  /** What the event should have been, for the log: "Config rule invocation". */
  expected: string;
  log: Log;
  counter: Counter;
}

/**
 * @example
 * const parsed = parseEvent(ConfigRuleEventSchema, event, { expected: 'Config rule invocation', log, counter });
 * if (parsed.success) await runConfigRule(parsed.data, deps);
 */
export function parseEvent<S extends z.ZodType>(
  event: unknown,
  options: ValidateEventOptions<S>,
): ParsedEvent<z.infer<S>> {
  const result = options.schema.safeParse(event);
  if (result.success) return { success: true, data: result.data };
  const issues = result.error.issues.slice(0, 5).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const error = `not a valid ${options.expected}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
  options.log.error(`Event rejected: ${error}`, {
    issues,
    // Enough to recognise the event without logging its payload (which may be large or sensitive).
    eventShape: describeShape(event),
  });
  options.counter.count(Metric.InvalidEvent);
  return { success: false, error, issues };
}

function describeShape(event: unknown): Record<string, unknown> {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return { type: typeof event };
  const record = event as Record<string, unknown>;
  return {
    keys: Object.keys(record).slice(0, 20),
    source: record.source,
    detailType: record['detail-type'],
    configRuleName: record.configRuleName,
  };
}

/**
 * The Middy adapter: replaces `request.event` with the parse result.
 *
 * @example
 * middy().use(validateEvent({ schema: ConfigRuleEventSchema, expected: 'Config rule invocation', log, counter }))
 */
export function validateEvent<S extends z.ZodType, TResult = unknown>(
  options: ValidateEventOptions<S>,
): MiddlewareObj<ParsedEvent<z.infer<S>>, TResult> {
  return {
    name: 'validateEvent',
    before: function validateEventBefore(request) {
      // The event arrives raw; Middy types it as what this middleware turns it into.
      request.event = parseEvent(request.event as unknown, options);
    },
  };
}

/** What a handler returns for an event it rejected: acknowledged, not retried. */
export interface RejectedEvent {
  status: 'rejected';
  reason: string;
}

export const rejectedEvent = (parsed: { error: string }): RejectedEvent => ({
  status: 'rejected',
  reason: parsed.error,
});
