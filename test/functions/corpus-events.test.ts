/**
 * Our event schemas against real recorded events published by other projects
 * (../shared/corpus, read in place, never copied). Skipped where the corpus
 * is absent, as in a fresh clone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigRuleEventSchema, InvokingEventSchema } from '../../engine/serverless/schemas/config-rule-event.js';
import { ConfigItemChangeEventSchema, ScheduledEventSchema } from '../../engine/serverless/schemas/eventbridge.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus');
const read = (path: string): unknown => JSON.parse(readFileSync(join(CORPUS, path), 'utf8'));
const POWERTOOLS = 'aws-powertools__powertools-lambda-python/tests/events';
const CUSTODIAN = 'cloud-custodian__cloud-custodian/tests/data';

describe.runIf(existsSync(CORPUS))('Schemas: recorded events from the corpus', () => {
  it.each([
    [`${POWERTOOLS}/awsConfigRuleConfigurationChanged.json`, 'ConfigurationItemChangeNotification'],
    [`${POWERTOOLS}/awsConfigRuleOversizedConfiguration.json`, 'OversizedConfigurationItemChangeNotification'],
    [`${POWERTOOLS}/awsConfigRuleScheduled.json`, 'ScheduledNotification'],
    [`${CUSTODIAN}/config/app-elb-config-event.json`, 'ConfigurationItemChangeNotification'],
    [`${CUSTODIAN}/config/poll-evaluation.json`, 'ScheduledNotification'],
    [`${CUSTODIAN}/cwe/event-config-rule-instance.json`, 'ConfigurationItemChangeNotification'],
    [`${CUSTODIAN}/cwe/event-config-rule-security-group.json`, 'ConfigurationItemChangeNotification'],
  ])('a Config rule invocation: %s', (path, messageType) => {
    const parsed = ConfigRuleEventSchema.safeParse(read(path));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.invokingEvent.messageType).toBe(messageType);
  });

  it.each([`${CUSTODIAN}/config/s3-from-rule.json`, `${CUSTODIAN}/config/rds-from-rule.json`])(
    'the invokingEvent of a partial recording: %s',
    (path) => {
      const { invokingEvent } = read(path) as { invokingEvent: string };
      expect(InvokingEventSchema.safeParse(JSON.parse(invokingEvent)).error?.issues ?? []).toEqual([]);
    },
  );

  it('rejects a message type the rule does not subscribe to (ConfigurationSnapshotDeliveryCompleted)', () => {
    const parsed = ConfigRuleEventSchema.safeParse(read('aws__aws-lambda-go/events/testdata/config-event.json'));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['invokingEvent', 'messageType']);
  });

  it('an EventBridge "Config Configuration Item Change" event (sqs-discover.json)', () => {
    const parsed = ConfigItemChangeEventSchema.safeParse(read(`${CUSTODIAN}/cwe/sqs-discover.json`));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.detail.messageType).toBe('ConfigurationItemChangeNotification');
    expect(ScheduledEventSchema.safeParse(read(`${CUSTODIAN}/cwe/sqs-discover.json`)).success).toBe(false);
  });
});
