/**
 * Access to the recorded AWS payloads in ../shared/corpus (real Config items,
 * rule events and API responses published by open-source projects). The
 * suite reads them in place; nothing is copied into the project.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRecord } from '../../engine/normalize/decode.js';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus');
export const corpusAvailable = existsSync(CORPUS_DIR);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : entry.endsWith('.json') ? [path] : [];
  });
}

/** Corpus files by their path below the corpus folder. */
export function corpusFiles(): string[] {
  return corpusAvailable ? walk(CORPUS_DIR).map((path) => relative(CORPUS_DIR, path)) : [];
}

export function readCorpus(path: string): unknown {
  return JSON.parse(readFileSync(join(CORPUS_DIR, path), 'utf8'));
}

/** Placebo writes boto3's datetime objects as `{"__class__": "datetime", "year": …}`; AWS sent ISO text. */
function restoreDatetimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(restoreDatetimes);
  if (!isRecord(value)) return value;
  if (value.__class__ === 'datetime') {
    const n = (key: string) => Number(value[key] ?? 0);
    return new Date(Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'))).toISOString();
  }
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, restoreDatetimes(inner)]));
}

/**
 * The payload AWS produced, without the recording's wrapper: placebo files
 * keep the parsed boto3 response under `data`, with datetimes as objects.
 */
export function unwrap(value: unknown): unknown {
  return isRecord(value) && 'status_code' in value && 'data' in value ? restoreDatetimes(value.data) : value;
}

/**
 * Configuration items carried by an event rather than an inventory: a Config
 * rule invocation (`invokingEvent`, a JSON string), an EventBridge
 * `Config Configuration Item Change` event, or an SNS notification inside an
 * SQS message. Returns null when the payload is not such an event.
 */
export function eventItems(value: unknown): unknown[] | null {
  if (!isRecord(value)) return null;
  if (typeof value.invokingEvent === 'string') {
    const invoking = JSON.parse(value.invokingEvent) as Record<string, unknown>;
    return invoking.configurationItem ? [invoking.configurationItem] : [];
  }
  if (value['detail-type'] === 'Config Configuration Item Change' && isRecord(value.detail)) {
    return value.detail.configurationItem ? [value.detail.configurationItem] : [];
  }
  if (Array.isArray(value.Messages)) {
    return value.Messages.flatMap((message) => {
      const body = JSON.parse(String((message as { Body?: unknown }).Body)) as { Message?: string };
      const notification = JSON.parse(body.Message ?? '{}') as Record<string, unknown>;
      return notification.configurationItem ? [notification.configurationItem] : [];
    });
  }
  return null;
}
