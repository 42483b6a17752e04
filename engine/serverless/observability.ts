/**
 * Powertools logger and metrics for a function, and the engine's view of
 * them. One namespace for every function; the service name tells them apart.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Counter, Log } from './telemetry.js';

export const METRICS_NAMESPACE = 'ComplianceAuditor';

/**
 * @example
 * export const { logger, metrics, counter } = createObservability('config-rule');
 */
export function createObservability(serviceName: string): {
  logger: Logger;
  metrics: Metrics;
  log: Log;
  counter: Counter;
} {
  const logger = new Logger({ serviceName });
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName });
  const counter: Counter = {
    count: (name, value = 1) => {
      metrics.addMetric(name, MetricUnit.Count, value);
    },
  };
  const log: Log = {
    debug: (message, extra) => (extra ? logger.debug(message, extra) : logger.debug(message)),
    info: (message, extra) => (extra ? logger.info(message, extra) : logger.info(message)),
    warn: (message, extra) => (extra ? logger.warn(message, extra) : logger.warn(message)),
    error: (message, extra) => (extra ? logger.error(message, extra) : logger.error(message)),
  };
  return { logger, metrics, log, counter };
}
