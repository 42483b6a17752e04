import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, notApplicable, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';
import { readBoolean, readField, readNumber, readText } from '../engine/evaluate/config-fields.js';

/**
 * The longest gap, in days, that a rotation schedule allows: AutomaticallyAfterDays,
 * `rate(N days|hours)`, or a `cron(...)` read conservatively (31-day months).
 */
function rotationIntervalDays(rules: Record<string, unknown>): number | null {
  const days = readNumber(readField(rules, 'AutomaticallyAfterDays'));
  if (days !== null) return days;
  const hours = readNumber(readField(rules, 'AutomaticallyAfterHours'));
  if (hours !== null) return Math.round((hours / 24) * 100) / 100;
  const expression = readText(readField(rules, 'ScheduleExpression')) ?? '';
  const rate = expression.match(/^rate\(\s*(\d+)\s+(day|days|hour|hours)\s*\)$/i);
  if (rate?.[1] && rate[2])
    return rate[2].toLowerCase().startsWith('hour') ? Math.round((Number(rate[1]) / 24) * 100) / 100 : Number(rate[1]);
  const cron = expression
    .match(/^cron\((.+)\)$/i)?.[1]
    ?.trim()
    .split(/\s+/);
  if (cron?.length !== 6) return null;
  const [, , dayOfMonth = '', month = '', dayOfWeek = ''] = cron;
  const everyMonth = month === '*' || month === '?';
  const monthGap = everyMonth ? 1 : largestGap(month, 12);
  if (monthGap === null) return null;
  // Within the months it runs in: daily, weekly, monthly (MON#1, 6L: 35 days at worst) or listed days.
  const withinMonth =
    dayOfMonth === '*' || (dayOfMonth === '?' && (dayOfWeek === '*' || dayOfWeek === '?'))
      ? 1
      : dayOfMonth === '?'
        ? /[#L]/.test(dayOfWeek)
          ? 35
          : 7
        : largestGap(dayOfMonth, 31);
  if (withinMonth === null) return null;
  return everyMonth ? withinMonth : monthGap * 31;
}

/** Largest cyclic gap between the values of a cron list (`1,15`, `*\/2`, `3`) in a cycle of `size`. */
function largestGap(field: string, size: number): number | null {
  const step = field.match(/^(\*|\d+)\/(\d+)$/);
  if (step?.[2]) return Number(step[2]) > 0 ? Math.min(Number(step[2]), size) : null;
  if (!/^\d+(,\d+)*$/.test(field)) return null;
  const values = [...new Set(field.split(',').map(Number))].sort((a, b) => a - b);
  const first = values[0];
  const last = values.at(-1);
  if (first === undefined || last === undefined) return null;
  let gap = size - last + first;
  for (let i = 1; i < values.length; i++) gap = Math.max(gap, (values[i] ?? 0) - (values[i - 1] ?? 0));
  return gap;
}

export default defineControl({
  id: 'secretsmanager-secret-rotation-enabled',
  title: 'Secrets Manager secret rotates automatically at least every maxDays days',
  service: 'secretsmanager',
  severity: 'medium',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  description:
    'RotationEnabled is true and the rotation schedule (AutomaticallyAfterDays, rate() or cron()) leaves at most maxDays (default 90) between rotations. A secret scheduled for deletion is not applicable.',
  rationale:
    'A credential that never changes stays valid for as long as anyone who ever saw it keeps a copy; rotation bounds the damage of a leak and is the evidence auditors expect for credential lifecycle.',
  parameters: { maxDays: 90 },
  remediation: {
    guidance:
      'Secrets Manager console → Secrets → <secret> → Rotation → Edit rotation → Automatic rotation on, schedule ≤ 90 days, rotation function; or aws secretsmanager rotate-secret --secret-id <secret> --rotation-lambda-arn <arn> --rotation-rules ScheduleExpression="rate(30 days)".',
  },
  references: {
    awsConfigRule: 'SECRETSMANAGER_ROTATION_ENABLED_CHECK',
    securityHub: 'SecretsManager.1',
    urls: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html'],
  },
  evaluate: ({ resource, parameters }) => {
    const config = resource.configuration ?? {};
    const name = readText(config.Name) ?? displayName(resource);
    if (readBoolean(config.Deleted) === true || readText(config.DeletedDate) !== null) {
      return notApplicable(`Secret ${name} is scheduled for deletion.`, { deleted: true });
    }
    const enabled = readBoolean(config.RotationEnabled);
    const rules = isRecord(config.RotationRules) ? config.RotationRules : null;
    const interval = rules ? rotationIntervalDays(rules) : null;
    const observed = {
      rotationEnabled: enabled,
      rotationRules: rules,
      rotationLambdaARN: readText(config.RotationLambdaARN),
      rotationIntervalDays: interval,
      maxDays: parameters.maxDays,
    };
    if (enabled === null) {
      // DescribeSecret leaves RotationEnabled out for a secret never configured for rotation.
      if (readText(config.Name) === null && readText(config.ARN) === null) {
        return insufficientData(`Secret ${name} has no recorded configuration.`, observed);
      }
      if (rules === null) return fail(`Secret ${name} has never been configured for rotation.`, observed);
      return insufficientData(`Secret ${name} has rotation rules but no recorded RotationEnabled.`, observed);
    }
    if (!enabled) return fail(`Secret ${name} has automatic rotation disabled.`, observed);
    if (interval === null) {
      return insufficientData(
        `Secret ${name} has rotation enabled but no rotation interval that can be read.`,
        observed,
      );
    }
    return interval <= parameters.maxDays
      ? pass(`Secret ${name} rotates automatically at least every ${interval} days.`, observed)
      : fail(`Secret ${name} rotates only every ${interval} days, more than ${parameters.maxDays}.`, observed);
  },
});
