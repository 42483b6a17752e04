import { describe, expect, it } from 'vitest';
import {
  describeRule,
  formatPorts,
  internetRulesOpeningPorts,
  judgeInboundRules,
  judgeInternetPorts,
  normaliseProtocol,
  portsOf,
  rangeCovers,
  readSecurityGroupRules,
  ruleOpensAllTraffic,
  ruleOpensPort,
} from '../../engine/evaluate/network-exposure.js';
import { securityGroupWithPermissions } from '../helpers/network-fixtures.js';

describe('protocols', () => {
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

describe('port ranges', () => {
  it("reads a rule's ports by protocol", () => {
    expect(portsOf('tcp', 22, '22')).toEqual({ from: 22, to: 22 });
    expect(portsOf('udp', 3389, 53)).toEqual({ from: 53, to: 3389 });
    expect(portsOf('tcp', -1, -1)).toEqual({ from: 0, to: 65535 });
    expect(portsOf('all', 22, 22)).toEqual({ from: 0, to: 65535 });
    expect(portsOf('icmp', 8, 0)).toBeNull();
    expect([
      rangeCovers({ from: 20, to: 23 }, 22),
      rangeCovers({ from: 20, to: 23 }, 24),
      rangeCovers(null, 22),
    ]).toEqual([true, false, false]);
  });
});

describe('security-group verdicts', () => {
  const watched = { ports: [22, 3389, 1, 2, 3, 4, 5], noun: 'port', passLabel: 'watched ports', observed: { w: 1 } };

  it('needs recorded inbound rules', () => {
    expect(judgeInternetPorts(securityGroupWithPermissions(undefined), watched).status).toBe('INSUFFICIENT_DATA');
  });

  it('fails naming the sources and at most six open ports', () => {
    // Act
    const verdict = judgeInternetPorts(
      securityGroupWithPermissions([{ ipProtocol: '-1', ipRanges: ['0.0.0.0/0'] }]),
      watched,
    );
    // Assess
    expect(verdict.status).toBe('FAIL');
    expect(verdict.reason).toMatch(/ admits 0\.0\.0\.0\/0 to port 1, 2, 3, 4, 5, 22 and 1 more\.$/);
    expect(Object.keys(verdict.observed)).toEqual(['w', 'offendingRules', 'unresolvedPrefixLists']);
  });

  it('reports unreadable rules as ERROR, and passes otherwise', () => {
    // Act
    const unreadable = judgeInternetPorts(
      securityGroupWithPermissions([{ ipProtocol: 'tcp', ipRanges: ['0.0.0.0/40'] }]),
      watched,
    );
    const clean = judgeInternetPorts(
      securityGroupWithPermissions([{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: ['10.0.0.0/8'] }]),
      watched,
    );
    // Assess
    expect(unreadable.status).toBe('ERROR');
    expect(unreadable.observed.invalid).toHaveLength(1);
    expect(clean.status).toBe('PASS');
    expect(clean.reason).toMatch(/ admits no internet traffic to watched ports\.$/);
  });

  it('leaves the offence and the wording to the control', () => {
    // Act
    const verdict = judgeInboundRules(securityGroupWithPermissions([]), ({ rules }) => ({
      observed: { count: rules.length },
      offence: null,
      clean: 'has nothing to say',
    }));
    // Assess
    expect(verdict).toMatchObject({ status: 'PASS', observed: { count: 0 } });
    expect(verdict.reason).toMatch(/^Security group .+ has nothing to say\.$/);
  });
});
