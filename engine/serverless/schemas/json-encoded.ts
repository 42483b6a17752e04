/**
 * AWS hands some values over as JSON text (a Config rule's `invokingEvent`
 * and `ruleParameters`); test tools and replays often pass the object. One
 * helper accepts either and validates the decoded value with `schema`.
 */
import { z } from 'zod';

/**
 * @example
 * const Event = z.object({ invokingEvent: jsonEncoded(InvokingEventSchema) });
 * Event.parse({ invokingEvent: '{"messageType":"ScheduledNotification",…}' });
 */
export function jsonEncoded<T extends z.ZodType>(schema: T) {
  return z.preprocess((value, ctx) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `not valid JSON (${(error as Error).message})` });
      return z.NEVER;
    }
  }, schema);
}
