/**
 * What engine code needs from logging and metrics, and no more: the Lambdas
 * pass Powertools' Logger and a Metrics adapter, tests pass recorders.
 */

export interface Log {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

/** Counts in CloudWatch (Powertools `addMetric(name, Count, value)`). */
export interface Counter {
  count(name: string, value?: number): void;
}

/** Metric names, one place: dashboards and alarms depend on them. */
export const Metric = {
  InvalidEvent: 'InvalidEvent',
  InvalidRuleParameters: 'InvalidRuleParameters',
  EvaluationsReported: 'EvaluationsReported',
  EvaluationsRejected: 'EvaluationsRejected',
  FindingsWritten: 'FindingsWritten',
  FailingFindings: 'FailingFindings',
  OversizedItemsFetched: 'OversizedItemsFetched',
  RelatedResourcesFetched: 'RelatedResourcesFetched',
  AccountFactsFetched: 'AccountFactsFetched',
  AccountFactsUnavailable: 'AccountFactsUnavailable',
  RemediationRequests: 'RemediationRequests',
  AuditRuns: 'AuditRuns',
  AuditStoppedEarly: 'AuditStoppedEarly',
} as const;

export const silentLog: Log = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
export const noCounter: Counter = { count: () => {} };
