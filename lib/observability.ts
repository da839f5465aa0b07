import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * One logger and one metrics sink per process, created at cold start (Powertools' advice).
 * Log fields never carry a raw email, phone, street, handle or personal URL: targets are
 * logged as a short hash (lib/queue/target.ts) and values not at all.
 */
export const logger = new Logger({ serviceName: 'deskpro-contact-sync' });
export const metrics = new Metrics({ namespace: 'DeskproContactSync', serviceName: 'deskpro-contact-sync' });

export function count(name: string, value = 1): void {
  if (value > 0) metrics.addMetric(name, MetricUnit.Count, value);
}

/** Flushes the invocation's metrics; an invocation that counted nothing (an empty batch) writes nothing. */
export function publishMetrics(): void {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}
