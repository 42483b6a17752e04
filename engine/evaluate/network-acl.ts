/**
 * Which network-ACL entries admit traffic from the whole internet, and to
 * which ports: AWS applies the lowest-numbered matching entry, so an early
 * deny shadows a later allow. Protocols and ports as network-exposure.ts reads them.
 */
import { isWholeInternet, parseCidr } from './cidr.js';
import { readBoolean, readField, readInteger, readText } from './config-fields.js';
import { normaliseProtocol, type PortRange, type Protocol, portsOf, rangeCovers } from './network-exposure.js';

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
    const ruleNumber = readInteger(readField(entry, 'ruleNumber'));
    const protocol = normaliseProtocol(readField(entry, 'protocol'));
    const action = readText(readField(entry, 'ruleAction'))?.toLowerCase();
    const egress = readBoolean(readField(entry, 'egress'));
    const cidrText = readText(readField(entry, 'cidrBlock')) ?? readText(readField(entry, 'ipv6CidrBlock'));
    const cidr = cidrText === null ? null : parseCidr(cidrText);
    if (ruleNumber === null || protocol === null || (action !== 'allow' && action !== 'deny') || egress === null) {
      result.invalid.push(`entry ${index} lacks a rule number, protocol, action or direction`);
      return;
    }
    if (cidrText === null || cidr === null) {
      result.invalid.push(`rule ${ruleNumber} has an unreadable CIDR ${JSON.stringify(cidrText)}`);
      return;
    }
    const range = readField(entry, 'portRange');
    result.entries.push({
      ruleNumber,
      protocol,
      action,
      egress,
      cidr: cidrText,
      family: cidr.family,
      wholeInternet: isWholeInternet(cidr),
      ports: portsOf(protocol, readField(range, 'from'), readField(range, 'to')),
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
