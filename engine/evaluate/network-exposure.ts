/**
 * Which security-group rules and network-ACL entries admit traffic from the
 * whole internet (0.0.0.0/0 or ::/0, however written), and to which ports.
 * Shared by the network, compute and edge controls, together with the small
 * readers they need for Config's loosely typed values.
 */
import { isRecord } from '../normalize/decode.js';
import { isWholeInternet, parseCidr } from './cidr.js';

/** `all`, `tcp`, `udp`, `icmp`, `icmpv6`, or the protocol number as text (`50` for ESP). */
export type Protocol = string;

/** An inclusive port range. */
export interface PortRange {
  from: number;
  to: number;
}

const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/**
 * Config renders booleans as JSON booleans in most items, but as strings
 * ("true", "False") in ELB attributes and some older items.
 *
 * @example
 * toBoolean('False') // false
 */
export function toBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return null;
}

/**
 * A key read without regard to case: Config-native types say `accessLogSettings`,
 * CloudFormation-registry types say `AccessLogSettings`, and the same type has
 * changed casing between schema versions. An exact match wins.
 *
 * @example
 * getField({ SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }, 'sslPolicy') // 'ELBSecurityPolicy-TLS13-1-2-2021-06'
 */
export function getField(holder: unknown, name: string): unknown {
  if (!isRecord(holder)) return undefined;
  if (Object.hasOwn(holder, name)) return holder[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(holder)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/**
 * A non-empty, trimmed string, else null: Config writes "" and null alike for an unset value.
 *
 * @example
 * toText('  ') // null
 */
export function toText(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}

const toInteger = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
};

const PROTOCOL_NAMES: Record<string, Protocol> = {
  '-1': 'all',
  all: 'all',
  '6': 'tcp',
  tcp: 'tcp',
  '17': 'udp',
  udp: 'udp',
  '1': 'icmp',
  icmp: 'icmp',
  '58': 'icmpv6',
  icmpv6: 'icmpv6',
};

/**
 * Security groups say `tcp`/`udp`/`-1`; network ACLs say `6`/`17`/`-1`.
 *
 * @example
 * normaliseProtocol('6') // 'tcp'
 */
export function normaliseProtocol(value: unknown): Protocol | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (text.length === 0) return null;
  return PROTOCOL_NAMES[text] ?? text;
}

const isPortProtocol = (protocol: Protocol): boolean => protocol === 'tcp' || protocol === 'udp';

/**
 * The ports a rule opens: all of them for protocol `all`; the recorded range
 * for TCP/UDP, where an absent range or -1 means every port; none (null) for
 * ICMP and other protocols, whose "ports" are types and codes.
 */
function portsOf(protocol: Protocol, from: unknown, to: unknown): PortRange | null {
  if (protocol === 'all') return ALL_PORTS;
  if (!isPortProtocol(protocol)) return null;
  const low = toInteger(from);
  const high = toInteger(to);
  if (low === null || high === null || low < 0 || high < 0) return ALL_PORTS;
  return { from: Math.min(low, high), to: Math.max(low, high) };
}

/**
 * A port range as evidence text.
 *
 * @example
 * formatPorts({ from: 1024, to: 65535 }) // '1024-65535'
 */
export function formatPorts(ports: PortRange | null): string {
  if (ports === null) return 'n/a';
  if (ports.from === 0 && ports.to === 65535) return 'all';
  return ports.from === ports.to ? String(ports.from) : `${ports.from}-${ports.to}`;
}

/** One source CIDR of one security-group permission. */
export interface SecurityGroupRule {
  protocol: Protocol;
  /** null when the protocol has no ports (ICMP, ESP, ...). */
  ports: PortRange | null;
  cidr: string;
  family: 4 | 6;
  /** Which list of the permission named the CIDR. */
  source: 'ipv4Ranges' | 'ipv6Ranges' | 'ipRanges';
  wholeInternet: boolean;
}

export interface SecurityGroupRules {
  rules: SecurityGroupRule[];
  /** Permissions or CIDRs that could not be read, described for the reason. */
  invalid: string[];
  /** Managed prefix lists referenced by the rules; their CIDRs are not in the item. */
  prefixListIds: string[];
}

const cidrTexts = (list: unknown, key: string): unknown[] =>
  Array.isArray(list) ? list.map((item) => (isRecord(item) ? getField(item, key) : item)) : [];

/**
 * Flattens `ipPermissions` (or `ipPermissionsEgress`) into one rule per source
 * CIDR. Config repeats each IPv4 CIDR in `ipv4Ranges[].cidrIp` and in the
 * legacy flat `ipRanges` list, and some items carry only one of the two, so
 * both are read and duplicates dropped.
 *
 * @example
 * readSecurityGroupRules([{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: ['0.0.0.0/0'] }]).rules[0]
 * // { protocol: 'tcp', ports: { from: 22, to: 22 }, cidr: '0.0.0.0/0', family: 4, source: 'ipRanges', wholeInternet: true }
 */
export function readSecurityGroupRules(permissions: unknown): SecurityGroupRules {
  const result: SecurityGroupRules = { rules: [], invalid: [], prefixListIds: [] };
  if (!Array.isArray(permissions)) return result;
  const seen = new Set<string>();
  permissions.forEach((permission, index) => {
    const protocol = normaliseProtocol(getField(permission, 'ipProtocol'));
    if (!isRecord(permission) || protocol === null) {
      result.invalid.push(`permission ${index} has no ipProtocol`);
      return;
    }
    const ports = portsOf(protocol, permission.fromPort, permission.toPort);
    for (const id of cidrTexts(permission.prefixListIds, 'prefixListId')) {
      if (typeof id === 'string') result.prefixListIds.push(id);
    }
    const sources: [SecurityGroupRule['source'], unknown[]][] = [
      ['ipv4Ranges', cidrTexts(permission.ipv4Ranges, 'cidrIp')],
      ['ipv6Ranges', cidrTexts(permission.ipv6Ranges, 'cidrIpv6')],
      ['ipRanges', cidrTexts(permission.ipRanges, 'cidrIp')],
    ];
    for (const [source, texts] of sources) {
      for (const text of texts) {
        const cidr = typeof text === 'string' ? parseCidr(text) : null;
        if (cidr === null) {
          result.invalid.push(`permission ${index} has an unreadable ${source} entry ${JSON.stringify(text)}`);
          continue;
        }
        const key = `${protocol}|${formatPorts(ports)}|${cidr.family}|${cidr.network}/${cidr.prefix}`;
        if (seen.has(key)) continue;
        seen.add(key);
        result.rules.push({
          protocol,
          ports,
          cidr: String(text).trim(),
          family: cidr.family,
          source,
          wholeInternet: isWholeInternet(cidr),
        });
      }
    }
  });
  return result;
}

const rangeCovers = (ports: PortRange | null, port: number): boolean =>
  ports !== null && ports.from <= port && port <= ports.to;

/**
 * Whether a rule opens a TCP or UDP port: protocol `all`, or TCP/UDP with a
 * range that contains it. ICMP opens no port.
 *
 * @example
 * ruleOpensPort({ protocol: 'tcp', ports: { from: 20, to: 3389 } }, 22) // true
 */
export function ruleOpensPort(rule: { protocol: Protocol; ports: PortRange | null }, port: number): boolean {
  return (rule.protocol === 'all' || isPortProtocol(rule.protocol)) && rangeCovers(rule.ports, port);
}

/**
 * Whether a rule opens everything: protocol `all`, or TCP/UDP on 0-65535.
 *
 * @example
 * ruleOpensAllTraffic({ protocol: 'tcp', ports: { from: 0, to: 65535 } }) // true
 */
export function ruleOpensAllTraffic(rule: { protocol: Protocol; ports: PortRange | null }): boolean {
  if (rule.protocol === 'all') return true;
  return isPortProtocol(rule.protocol) && rule.ports !== null && rule.ports.from === 0 && rule.ports.to === 65535;
}

/**
 * A rule as evidence: what an auditor reads in `observed`.
 *
 * @example
 * describeRule(rule) // { protocol: 'tcp', ports: '22', cidr: '0.0.0.0/0', source: 'ipv4Ranges' }
 */
export function describeRule(rule: SecurityGroupRule): Record<string, string> {
  return { protocol: rule.protocol, ports: formatPorts(rule.ports), cidr: rule.cidr, source: rule.source };
}

/** One entry of a network ACL (`AWS::EC2::NetworkAcl` configuration.entries[]). */
export interface NetworkAclEntry {
  ruleNumber: number;
  protocol: Protocol;
  action: 'allow' | 'deny';
  egress: boolean;
  cidr: string;
  family: 4 | 6;
  wholeInternet: boolean;
  /** null when the protocol has no ports. */
  ports: PortRange | null;
}

export interface NetworkAclEntries {
  entries: NetworkAclEntry[];
  invalid: string[];
}

/**
 * Reads network-ACL entries, sorted by rule number (the order AWS evaluates
 * them in). An entry names its source in `cidrBlock` or `ipv6CidrBlock`.
 *
 * @example
 * readNetworkAclEntries([{ ruleNumber: 100, protocol: '6', ruleAction: 'allow', egress: false,
 *   cidrBlock: '0.0.0.0/0', portRange: { from: 22, to: 22 } }]).entries[0].ports // { from: 22, to: 22 }
 */
export function readNetworkAclEntries(entries: unknown): NetworkAclEntries {
  const result: NetworkAclEntries = { entries: [], invalid: [] };
  if (!Array.isArray(entries)) return result;
  entries.forEach((entry, index) => {
    const ruleNumber = toInteger(getField(entry, 'ruleNumber'));
    const protocol = normaliseProtocol(getField(entry, 'protocol'));
    const action = toText(getField(entry, 'ruleAction'))?.toLowerCase();
    const egress = toBoolean(getField(entry, 'egress'));
    const cidrText = toText(getField(entry, 'cidrBlock')) ?? toText(getField(entry, 'ipv6CidrBlock'));
    const cidr = cidrText === null ? null : parseCidr(cidrText);
    if (ruleNumber === null || protocol === null || (action !== 'allow' && action !== 'deny') || egress === null) {
      result.invalid.push(`entry ${index} lacks a rule number, protocol, action or direction`);
      return;
    }
    if (cidrText === null || cidr === null) {
      result.invalid.push(`rule ${ruleNumber} has an unreadable CIDR ${JSON.stringify(cidrText)}`);
      return;
    }
    const range = getField(entry, 'portRange');
    result.entries.push({
      ruleNumber,
      protocol,
      action,
      egress,
      cidr: cidrText,
      family: cidr.family,
      wholeInternet: isWholeInternet(cidr),
      ports: portsOf(protocol, getField(range, 'from'), getField(range, 'to')),
    });
  });
  result.entries.sort((a, b) => a.ruleNumber - b.ruleNumber);
  return result;
}

/** Traffic from the internet to one port, and the entry that decides it. */
export interface NetworkAclDecision {
  protocol: 'tcp' | 'udp';
  port: number;
  family: 4 | 6;
  /** The first matching entry; null when none matches (the implicit deny). */
  decidedBy: NetworkAclEntry | null;
  allowed: boolean;
}

/**
 * How a network ACL treats inbound traffic from an arbitrary internet address
 * to `port`, for each protocol and address family. AWS applies the
 * lowest-numbered matching entry, so a deny for 0.0.0.0/0 at rule 50 shadows
 * an allow at rule 100. Only whole-internet entries are considered: an entry
 * for a narrower block (a /32 deny) does not stop the rest of the internet.
 *
 * @example
 * decideInternetIngress(readNetworkAclEntries(entries).entries, 22).filter((d) => d.allowed)
 */
export function decideInternetIngress(
  entries: readonly NetworkAclEntry[],
  port: number,
  protocols: readonly ('tcp' | 'udp')[] = ['tcp', 'udp'],
): NetworkAclDecision[] {
  const decisions: NetworkAclDecision[] = [];
  for (const family of [4, 6] as const) {
    for (const protocol of protocols) {
      const decidedBy =
        entries.find(
          (entry) =>
            !entry.egress &&
            entry.family === family &&
            entry.wholeInternet &&
            (entry.protocol === 'all' || entry.protocol === protocol) &&
            rangeCovers(entry.ports, port),
        ) ?? null;
      decisions.push({ protocol, port, family, decidedBy, allowed: decidedBy?.action === 'allow' });
    }
  }
  return decisions;
}

/** A whole-internet rule and the watched ports it opens. */
export interface PortExposure {
  rule: SecurityGroupRule;
  openPorts: number[];
}

/**
 * The whole-internet rules that open any of `ports` (TCP or UDP: memcached
 * and RDP also listen on UDP).
 *
 * @example
 * internetRulesOpeningPorts(readSecurityGroupRules(sg.ipPermissions).rules, [22, 3389])
 * // [{ rule: { protocol: 'all', cidr: '::/0', ... }, openPorts: [22, 3389] }]
 */
export function internetRulesOpeningPorts(
  rules: readonly SecurityGroupRule[],
  ports: readonly number[],
): PortExposure[] {
  const exposures: PortExposure[] = [];
  for (const rule of rules) {
    if (!rule.wholeInternet) continue;
    const openPorts = ports.filter((port) => ruleOpensPort(rule, port));
    if (openPorts.length > 0) exposures.push({ rule, openPorts });
  }
  return exposures;
}

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
    const key = toText(getField(entry, 'key'));
    const attributeValue = getField(entry, 'value');
    if (key !== null && attributeValue !== null && attributeValue !== undefined)
      attributes[key] = String(attributeValue);
  }
  return attributes;
}
