import { describe, expect, it } from 'vitest';
import { decideInternetIngress, readNetworkAclEntries } from '../../engine/evaluate/network-acl.js';

describe('network ACLs', () => {
  const entry = (ruleNumber: number, ruleAction: string, protocol: string, cidr: string, ports?: [number, number]) => ({
    ruleNumber,
    ruleAction,
    protocol,
    egress: false,
    ...(cidr.includes(':') ? { ipv6CidrBlock: cidr } : { cidrBlock: cidr }),
    ...(ports ? { portRange: { from: ports[0], to: ports[1] } } : {}),
  });

  it('sorts entries by rule number and reads both address families', () => {
    // Act
    const { entries, invalid } = readNetworkAclEntries([
      entry(32767, 'deny', '-1', '0.0.0.0/0'),
      entry(100, 'ALLOW', '6', '::/0', [443, 443]),
      { ...entry(90, 'allow', '-1', '0.0.0.0/0'), egress: 'true' },
    ]);
    // Assess
    expect(entries.map((e) => [e.ruleNumber, e.action, e.family, e.egress])).toEqual([
      [90, 'allow', 4, true],
      [100, 'allow', 6, false],
      [32767, 'deny', 4, false],
    ]);
    expect(invalid).toEqual([]);
  });

  it('lets the lowest-numbered matching entry decide', () => {
    // Prepare
    const { entries } = readNetworkAclEntries([
      entry(100, 'allow', '6', '0.0.0.0/0', [22, 22]),
      entry(50, 'deny', '6', '0.0.0.0/0', [22, 22]),
      entry(32767, 'deny', '-1', '0.0.0.0/0'),
    ]);
    // Act
    const [tcp4] = decideInternetIngress(entries, 22, ['tcp']);
    // Assess
    expect(tcp4).toMatchObject({ protocol: 'tcp', family: 4, allowed: false, decidedBy: { ruleNumber: 50 } });
  });

  it('ignores narrower blocks and other protocols when deciding for the whole internet', () => {
    // Prepare
    const { entries } = readNetworkAclEntries([
      entry(10, 'deny', '-1', '198.51.100.0/24'),
      entry(20, 'deny', '17', '0.0.0.0/0', [0, 65535]),
      entry(30, 'allow', '-1', '0.0.0.0/0'),
    ]);
    // Act
    const decisions = decideInternetIngress(entries, 3389);
    // Assess
    expect(decisions.map((d) => [d.family, d.protocol, d.allowed, d.decidedBy?.ruleNumber ?? null])).toEqual([
      [4, 'tcp', true, 30],
      [4, 'udp', false, 20],
      [6, 'tcp', false, null],
      [6, 'udp', false, null],
    ]);
  });

  it('reports entries it cannot read', () => {
    // Act
    const { entries, invalid } = readNetworkAclEntries([
      { ruleNumber: 100, protocol: '6', egress: false, cidrBlock: '0.0.0.0/0' },
      entry(110, 'allow', '6', '0.0.0.0/40', [22, 22]),
    ]);
    // Assess
    expect(entries).toEqual([]);
    expect(invalid).toEqual([
      'entry 0 lacks a rule number, protocol, action or direction',
      'rule 110 has an unreadable CIDR "0.0.0.0/40"',
    ]);
    expect(readNetworkAclEntries(null)).toEqual({ entries: [], invalid: [] });
  });
});
