import { describe, expect, it } from 'vitest';
import {
  loadBalancerScheme,
  loadBalancerType,
  readLoadBalancerAttributes,
} from '../../engine/evaluate/load-balancer-settings.js';

describe('Method: readLoadBalancerAttributes', () => {
  it('turns the key/value list into a map, in either key casing', () => {
    // Assess
    expect(
      readLoadBalancerAttributes([
        { key: 'access_logs.s3.enabled', value: 'true' },
        { Key: 'idle_timeout.timeout_seconds', Value: 60 },
        { key: 'dropped', value: null },
      ]),
    ).toEqual({ 'access_logs.s3.enabled': 'true', 'idle_timeout.timeout_seconds': '60' });
  });

  it('returns null for anything that is not a list', () => {
    expect(readLoadBalancerAttributes(undefined)).toBeNull();
    expect(readLoadBalancerAttributes({ accessLog: { enabled: true } })).toBeNull();
  });
});

describe('Method: loadBalancerScheme and loadBalancerType', () => {
  it('reads the field in any key casing, lower-cased, and null when unset', () => {
    expect(loadBalancerScheme({ Scheme: 'Internet-Facing' })).toBe('internet-facing');
    expect(loadBalancerScheme({ scheme: 'internal' })).toBe('internal');
    expect(loadBalancerScheme({ scheme: '' })).toBeNull();
    expect(loadBalancerScheme(undefined)).toBeNull();
    expect(loadBalancerType({ type: 'Network' })).toBe('network');
    expect(loadBalancerType({})).toBeNull();
  });
});
