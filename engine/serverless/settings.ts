/**
 * Each function's settings, read from its environment once per cold start and
 * validated: a misconfigured deployment fails its first invocation loudly
 * (and on every retry), rather than auditing with the wrong settings.
 */
import { z } from 'zod';
import { AuditorError } from '../errors.js';

const list = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .optional();
const positiveInt = z.coerce.number().int().positive();
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

const CommonSchema = z.object({
  /** Set by Lambda. */
  AWS_REGION: z.string().min(1),
  /** Account-level facts for single-resource evaluations: `collect` them, or `none` (INSUFFICIENT_DATA). */
  ACCOUNT_FACTS: z.enum(['collect', 'none']).default('collect'),
  ACCOUNT_FACTS_TTL_SECONDS: z.coerce.number().int().nonnegative().default(900),
  CALL_TIMEOUT_MS: positiveInt.default(10_000),
});

const EvidenceSchema = z.object({
  EVIDENCE_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name'),
  /** Without it the bucket's default encryption applies (the deployment always sets it). */
  EVIDENCE_KMS_KEY_ARN: z.string().min(1).optional(),
});

export const NightlyAuditSettingsSchema = CommonSchema.extend(EvidenceSchema.shape).extend({
  /** Regions to collect; the function's own region when unset. */
  AUDIT_REGIONS: list,
  COLLECT_CONCURRENCY: positiveInt.default(8),
  /** How long before the Lambda deadline collection stops, leaving time to evaluate and write. */
  STOP_COLLECTING_BEFORE_MS: positiveInt.default(120_000),
});

export const ConfigRuleSettingsSchema = CommonSchema.extend({
  /** Report every evaluation with TestMode: Config checks them and records nothing. */
  CONFIG_RULE_TEST_MODE: flag.default(false),
});

export const RealtimeSettingsSchema = CommonSchema.extend(EvidenceSchema.shape);

export type NightlyAuditSettings = z.infer<typeof NightlyAuditSettingsSchema>;
export type ConfigRuleSettings = z.infer<typeof ConfigRuleSettingsSchema>;
export type RealtimeSettings = z.infer<typeof RealtimeSettingsSchema>;

export class SettingsError extends AuditorError {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/**
 * @example
 * const settings = readSettings(RealtimeSettingsSchema, process.env);
 */
export function readSettings<S extends z.ZodType>(
  schema: S,
  env: Readonly<Record<string, string | undefined>>,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
  throw new SettingsError(`invalid function settings: ${problems.join('; ')}`);
}

/** The account a function runs in: the fifth field of its ARN. */
export function accountOfFunction(invokedFunctionArn: string): string {
  const account = invokedFunctionArn.split(':')[4];
  if (!account || !/^\d{12}$/.test(account))
    throw new SettingsError(`cannot read the account from ${invokedFunctionArn}`);
  return account;
}
