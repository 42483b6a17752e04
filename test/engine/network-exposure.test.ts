import { describe, expect, it } from 'vitest';
import {
  decideInternetIngress,
  describeRule,
  formatPorts,
  getField,
  internetRulesOpeningPorts,
  normaliseProtocol,
  readLoadBalancerAttributes,
  readNetworkAclEntries,
  readSecurityGroupRules,
  ruleOpensAllTraffic,
  ruleOpensPort,
  toBoolean,
  toText,
} from '../../engine/evaluate/network-exposure.js';

describe('readers for loosely typed Config values', () => {
  it('reads booleans and their string forms, and nothing else', () => {
    // Assess
    expect([true, false, 'true', 'FALSE', ' True '].map(toBoolean)).toEqual([true, false, true, false, true]);
    expect([null, undefined, 1, 'yes', ''].map(toBoolean)).toEqual([null, null, null, null, null]);
  });

  it('reads a key in either casing, exact match first, and ignores the prototype', () => {
    // Prepare
    const holder = { SslPolicy: 'pascal', sslpolicy: 'lower' };
    // Assess
    expect(getField(holder, 'SslPolicy')).toBe('pascal');
    expect(getField({ SslPolicy: 'pascal' }, 'sslPolicy')).toBe('pascal');
    expect(getField({}, 'toString')).toBeUndefined();
    expect(getField(null, 'x')).toBeUndefined();
    expect(getField(['a'], '0')).toBeUndefined();
  });

  it('treats blank strings as absent text', () => {
    expect([' a ', '', '  ', 3].map(toText)).toEqual(['a', null, null, null]);
  });

  it('maps security-group names and network-ACL numbers to one protocol vocabulary', () => {
    // Assess
    expect(
      ['-1', 'all', -1, '6', 'TCP', '17', 'udp', '1', 'icmp', '58', 'icmpv6', '50'].map(normaliseProtocol),
    ).toEqual(['all', 'all', 'all', 'tcp', 'tcp', 'udp', 'udp', 'icmp', 'icmp', 'icmpv6', 'icmpv6', '50']);
    expect(normaliseProtocol(undefined)).toBeNull();
    expect(normaliseProtocol('')).toBeNull();
  });

  it('formats port ranges for evidence', () => {
    expect([null, { from: 0, to: 65535 }, { from: 22, to: 22 }, { from: 20, to: 21 }].map(formatPorts)).toEqual([
      'n/a',
      'all',
      '22',
      '20-21',
    ]);
  });
});

describe('readSecurityGroupRules', () => {
  it('reads ipv4Ranges, ipv6Ranges and the legacy ipRanges list, dropping the duplicate', () => {
    // Prepare
    const permissions = [
      {
        ipProtocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
        ipRanges: ['0.0.0.0/0', '192.0.2.0/24'],
        ipv6Ranges: [{ cidrIpv6: '::/0' }],
        prefixListIds: [{ prefixListId: 'pl-6fa54006' }],
      },
    ];
    // Act
    const { rules, invalid, prefixListIds } = readSecurityGroupRules(permissions);
    // Assess
    expect(rules.map((rule) => [rule.cidr, rule.source, rule.wholeInternet])).toEqual([
      ['0.0.0.0/0', 'ipv4Ranges', true],
      ['::/0', 'ipv6Ranges', true],
      ['192.0.2.0/24', 'ipRanges', false],
    ]);
    expect(invalid).toEqual([]);
    expect(prefixListIds).toEqual(['pl-6fa54006']);
  });

  it('gives protocol -1 every port, TCP without a range every port, and ICMP none', () => {
    // Act
    const { rules } = readSecurityGroupRules([
      { ipProtocol: '-1', ipRanges: ['10.0.0.0/8'] },
      { ipProtocol: 'tcp', ipRanges: ['10.0.0.0/8'] },
      { ipProtocol: 'udp', fromPort: 500, toPort: 400, ipRanges: ['10.0.0.0/8'] },
      { ipProtocol: 'icmp', fromPort: 8, toPort: -1, ipRanges: ['10.0.0.0/8'] },
    ]);
    // Assess
    expect(rules.map((rule) => rule.ports)).toEqual([
      { from: 0, to: 65535 },
      { from: 0, to: 65535 },
      { from: 400, to: 500 },
      null,
    ]);
  });

  it('reports permissions and CIDRs it cannot read', () => {
    // Act
    const { rules, invalid } = readSecurityGroupRules([
      { fromPort: 22, toPort: 22, ipRanges: ['0.0.0.0/0'] },
      'not a permission',
      { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: ['300.0.0.0/8', 7] },
    ]);
    // Assess
    expect(rules).toEqual([]);
    expect(invalid).toHaveLength(4);
    expect(readSecurityGroupRules(undefined)).toEqual({ rules: [], invalid: [], prefixListIds: [] });
  });

  it('describes a rule for observed evidence', () => {
    // Prepare
    const [rule] = readSecurityGroupRules([
      { ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, ipRanges: ['0.0.0.0/0'] },
    ]).rules;
    // Assess
    expect(rule && describeRule(rule)).toEqual({
      protocol: 'tcp',
      ports: '3389',
      cidr: '0.0.0.0/0',
      source: 'ipRanges',
    });
  });
});

describe('port coverage', () => {
  it('counts a port inside a range, for TCP, UDP and all protocols only', () => {
    // Assess
    expect(ruleOpensPort({ protocol: 'tcp', ports: { from: 20, to: 3389 } }, 22)).toBe(true);
    expect(ruleOpensPort({ protocol: 'udp', ports: { from: 3389, to: 3389 } }, 3389)).toBe(true);
    expect(ruleOpensPort({ protocol: 'all', ports: { from: 0, to: 65535 } }, 22)).toBe(true);
    expect(ruleOpensPort({ protocol: 'tcp', ports: { from: 23, to: 3388 } }, 22)).toBe(false);
    expect(ruleOpensPort({ protocol: 'icmp', ports: null }, 22)).toBe(false);
    expect(ruleOpensPort({ protocol: '50', ports: null }, 22)).toBe(false);
  });

  it('calls all protocols, or the whole TCP/UDP range, all traffic', () => {
    // Assess
    expect(ruleOpensAllTraffic({ protocol: 'all', ports: { from: 0, to: 65535 } })).toBe(true);
    expect(ruleOpensAllTraffic({ protocol: 'udp', ports: { from: 0, to: 65535 } })).toBe(true);
    expect(ruleOpensAllTraffic({ protocol: 'tcp', ports: { from: 1, to: 65535 } })).toBe(false);
    expect(ruleOpensAllTraffic({ protocol: 'icmp', ports: null })).toBe(false);
  });

  it('lists only whole-internet rules that open a watched port', () => {
    // Prepare
    const { rules } = readSecurityGroupRules([
      { ipProtocol: '-1', ipv6Ranges: [{ cidrIpv6: '::0/0' }] },
      { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: ['10.0.0.0/8'] },
      { ipProtocol: 'tcp', fromPort: 443, toPort: 443, ipRanges: ['0.0.0.0/0'] },
    ]);
    // Act
    const exposures = internetRulesOpeningPorts(rules, [22, 3389]);
    // Assess
    expect(exposures.map((e) => [e.rule.cidr, e.openPorts])).toEqual([['::0/0', [22, 3389]]]);
  });
});

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

describe('readLoadBalancerAttributes', () => {
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
