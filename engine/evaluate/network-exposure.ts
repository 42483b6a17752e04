/**
 * Which security-group rules admit traffic from the whole internet (0.0.0.0/0
 * or ::/0, however written), and to which ports, with the protocol and port
 * vocabulary that network ACLs (network-acl.ts) share, and the verdicts the
 * security-group controls share.
 */
import { isRecord } from '../normalize/decode.js';
import type { Resource, Verdict } from '../types.js';
import { isWholeInternet, parseCidr } from './cidr.js';
import { readField, readInteger } from './config-fields.js';
import { displayName, error, fail, insufficientData, pass } from './verdict.js';

/** `all`, `tcp`, `udp`, `icmp`, `icmpv6`, or the protocol number as text (`50` for ESP). */
export type Protocol = string;

/** An inclusive port range. */
export interface PortRange {
  from: number;
  to: number;
}

const ALL_PORTS: PortRange = { from: 0, to: 65535 };

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
 *
 * @example
 * portsOf('tcp', 22, '22') // { from: 22, to: 22 }
 */
export function portsOf(protocol: Protocol, from: unknown, to: unknown): PortRange | null {
  if (protocol === 'all') return ALL_PORTS;
  if (!isPortProtocol(protocol)) return null;
  const low = readInteger(from);
  const high = readInteger(to);
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
  Array.isArray(list) ? list.map((item) => (isRecord(item) ? readField(item, key) : item)) : [];

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
    const protocol = normaliseProtocol(readField(permission, 'ipProtocol'));
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

/**
 * Whether a port range (null: no ports) contains `port`.
 *
 * @example
 * rangeCovers({ from: 20, to: 23 }, 22) // true
 */
export const rangeCovers = (ports: PortRange | null, port: number): boolean =>
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

/** How a security-group control words what it found; each phrase follows "Security group <name>". */
export interface InboundJudgement {
  observed: Record<string, unknown>;
  /** "admits 0.0.0.0/0 to port 22", or null when no rule offends. */
  offence: string | null;
  /** "admits no internet traffic to port 22, 3389". */
  clean: string;
}

/**
 * The verdict of a control on a security group's inbound rules:
 * INSUFFICIENT_DATA without `ipPermissions`, FAIL on an offence, ERROR when
 * some rule could not be read (it might offend), else PASS.
 *
 * @example
 * judgeInboundRules(group, ({ rules }) => ({ observed: {}, offence: null, clean: 'admits nothing' }))
 */
export function judgeInboundRules(resource: Resource, judge: (read: SecurityGroupRules) => InboundJudgement): Verdict {
  const name = displayName(resource);
  const permissions = resource.configuration?.ipPermissions;
  if (!Array.isArray(permissions)) {
    return insufficientData(`Security group ${name} has no recorded inbound rules (ipPermissions).`);
  }
  const read = readSecurityGroupRules(permissions);
  const { observed, offence, clean } = judge(read);
  if (offence !== null) return fail(`Security group ${name} ${offence}.`, observed);
  if (read.invalid.length > 0) {
    return error(`Security group ${name} has inbound rules that could not be read: ${read.invalid.join('; ')}.`, {
      ...observed,
      invalid: read.invalid,
    });
  }
  return pass(`Security group ${name} ${clean}.`, observed);
}

/** The watched ports of a "no public … ports" control and how its reasons name them. */
export interface WatchedPorts {
  ports: readonly number[];
  /** "port", "database port": names the open ports in a FAIL reason. */
  noun: string;
  /** "port 22, 3389", "database ports": names the watched ports in a PASS reason. */
  passLabel: string;
  /** Evidence placed before the offending rules. */
  observed?: Record<string, unknown>;
}

/** At most six ports, then how many more. */
const listPorts = (ports: number[]): string =>
  ports.length > 6 ? `${ports.slice(0, 6).join(', ')} and ${ports.length - 6} more` : ports.join(', ');

/**
 * Whether a security group admits the whole internet to any watched port,
 * naming the sources and the open ports.
 *
 * @example
 * judgeInternetPorts(group, { ports: [22, 3389], noun: 'port', passLabel: 'port 22, 3389' })
 * // FAIL "Security group web admits 0.0.0.0/0 to port 22."
 */
export function judgeInternetPorts(resource: Resource, watched: WatchedPorts): Verdict {
  return judgeInboundRules(resource, ({ rules, prefixListIds }) => {
    const exposures = internetRulesOpeningPorts(rules, watched.ports);
    const ports = [...new Set(exposures.flatMap((exposure) => exposure.openPorts))].sort((a, b) => a - b);
    const cidrs = [...new Set(exposures.map((exposure) => exposure.rule.cidr))];
    return {
      observed: {
        ...watched.observed,
        offendingRules: exposures.map(({ rule, openPorts }) => ({ ...describeRule(rule), openPorts })),
        unresolvedPrefixLists: prefixListIds,
      },
      offence: exposures.length > 0 ? `admits ${cidrs.join(' and ')} to ${watched.noun} ${listPorts(ports)}` : null,
      clean: `admits no internet traffic to ${watched.passLabel}`,
    };
  });
}
