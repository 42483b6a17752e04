/**
 * The IAM credential report: ask IAM to generate it, then poll
 * GetCredentialReport while IAM says it is still being generated, within a
 * bounded wait. The CSV text is kept as IAM returned it.
 */
import { GenerateCredentialReportCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { type AwsCaller, CollectorCallError, sleep } from './caller.js';

/** Longest wait for IAM to finish a report; large accounts take seconds, rarely more than a minute. */
export const CREDENTIAL_REPORT_WAIT_MS = 90_000;
const FIRST_POLL_MS = 100;
const LONGEST_POLL_MS = 4_000;

/** IAM's wire codes and the SDK's class names for the same errors. */
const IN_PROGRESS = new Set(['ReportInProgress', 'CredentialReportNotReadyException']);
const MISSING = new Set([
  'ReportNotPresent',
  'CredentialReportNotPresentException',
  'ReportExpired',
  'CredentialReportExpiredException',
]);

const codeOf = (error: unknown): string | null => (error instanceof CollectorCallError ? error.code : null);

/**
 * The report as `{generatedTime, csv}`; throws CollectorCallError when IAM
 * refuses, or when the report is still not ready after the bounded wait.
 *
 * @example
 * const report = await fetchCredentialReport(caller, 'us-east-1'); // { generatedTime: '2026-11-20T06:00:02.000Z', csv: 'user,arn,...' }
 */
export async function fetchCredentialReport(
  caller: AwsCaller,
  region: string,
  waitMs = CREDENTIAL_REPORT_WAIT_MS,
): Promise<{ generatedTime: string; csv: string }> {
  const deadline = Date.now() + waitMs;
  /** 'denied' when IAM refused to generate: an earlier report (kept four hours) may still be readable. */
  const generate = async (): Promise<'complete' | 'started' | 'denied'> => {
    try {
      const { State } = await caller.send(region, new GenerateCredentialReportCommand({}));
      return State === 'COMPLETE' ? 'complete' : 'started';
    } catch (error) {
      caller.record(error);
      return 'denied';
    }
  };
  let pauseFirst = (await generate()) === 'started';
  let regenerated = false;
  let pause = FIRST_POLL_MS;
  for (;;) {
    if (pauseFirst) {
      if (Date.now() + pause > deadline) {
        throw new CollectorCallError({
          service: 'iam',
          operation: 'GetCredentialReport',
          region,
          code: 'ReportInProgress',
          message: `the credential report was still being generated after ${Math.round(waitMs / 1000)} s`,
        });
      }
      await sleep(pause, caller.signal);
      pause = Math.min(pause * 2, LONGEST_POLL_MS);
    }
    try {
      const report = await caller.send(region, new GetCredentialReportCommand({}));
      return {
        generatedTime: (report.GeneratedTime ?? new Date()).toISOString(),
        csv: Buffer.from(report.Content ?? new Uint8Array()).toString('utf8'),
      };
    } catch (error) {
      const code = codeOf(error);
      if (code !== null && IN_PROGRESS.has(code)) pauseFirst = true;
      else if (code !== null && MISSING.has(code) && !regenerated && !caller.aborted) {
        // The report expired (or was never made) between the two calls: generate once more, then wait for it.
        regenerated = true;
        if ((await generate()) === 'denied') throw error;
        pauseFirst = true;
      } else throw error;
    }
  }
}
