/**
 * Readers for Elastic Load Balancing items, shared by the ELB controls: the
 * two load-balancer types, ELBv2's string-valued attribute list, and the
 * scheme and type fields that decide what a control applies to.
 */
import { readField, readText } from './config-fields.js';

export const CLASSIC_LOAD_BALANCER_TYPE = 'AWS::ElasticLoadBalancing::LoadBalancer';
export const V2_LOAD_BALANCER_TYPE = 'AWS::ElasticLoadBalancingV2::LoadBalancer';

/**
 * ELBv2 `supplementaryConfiguration.LoadBalancerAttributes`: a list of
 * `{key, value}` pairs whose values are strings ("true", "60"). Returns null
 * when the value is not such a list (not collected, or another shape).
 *
 * @example
 * readLoadBalancerAttributes([{ key: 'deletion_protection.enabled', value: 'true' }])
 * // { 'deletion_protection.enabled': 'true' }
 */
export function readLoadBalancerAttributes(value: unknown): Record<string, string> | null {
  if (!Array.isArray(value)) return null;
  const attributes: Record<string, string> = {};
  for (const entry of value) {
    const key = readText(readField(entry, 'key'));
    const attributeValue = readField(entry, 'value');
    if (key !== null && attributeValue !== null && attributeValue !== undefined)
      attributes[key] = String(attributeValue);
  }
  return attributes;
}

/**
 * A load balancer's scheme, lower-cased (`internet-facing`, `internal`), or null when not recorded.
 *
 * @example
 * loadBalancerScheme({ Scheme: 'Internet-Facing' }) // 'internet-facing'
 */
export const loadBalancerScheme = (configuration: unknown): string | null =>
  readText(readField(configuration, 'scheme'))?.toLowerCase() ?? null;

/**
 * An ELBv2 load balancer's type, lower-cased (`application`, `network`, `gateway`), or null when not recorded.
 *
 * @example
 * loadBalancerType({ type: 'network' }) // 'network'
 */
export const loadBalancerType = (configuration: unknown): string | null =>
  readText(readField(configuration, 'type'))?.toLowerCase() ?? null;
