import { describe, expect, it } from 'vitest';
import { cidrContains, isPrivateCidr, isWholeInternet, parseCidr } from '../../engine/evaluate/cidr.js';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`unparseable ${text}`);
  return parsed;
};

describe('Function: parseCidr', () => {
  it.each([
    '0.0.0.0/0',
    '10.0.0.0/8',
    '203.0.113.7',
    '::/0',
    '::0/0',
    '0:0::/0',
    '2001:db8::/32',
    '::ffff:10.0.0.1/128',
    'fe80::1',
  ])('parses %s', (text) => {
    expect(parseCidr(text)).not.toBeNull();
  });
  it.each([
    '',
    '1.2.3/8',
    '256.0.0.0/8',
    '10.0.0.0/33',
    '::/129',
    '1:2:3:4:5:6:7:8:9/64',
    'a::b::c/64',
    '10.0.0.0/8/1',
    '10.0.0.0/x',
  ])('rejects %s', (text) => {
    expect(parseCidr(text)).toBeNull();
  });
  it('masks host bits', () => {
    expect(cidr('10.1.2.3/8').network).toBe(cidr('10.0.0.0/8').network);
  });
});

describe('Functions: isWholeInternet, isPrivateCidr, cidrContains', () => {
  it('recognises the whole internet in every spelling', () => {
    for (const text of ['0.0.0.0/0', '::/0', '::0/0', '0:0:0:0:0:0:0:0/0'])
      expect(isWholeInternet(cidr(text))).toBe(true);
    expect(isWholeInternet(cidr('0.0.0.0/1'))).toBe(false);
  });
  it('knows private ranges of both families', () => {
    expect(isPrivateCidr(cidr('10.20.0.0/16'))).toBe(true);
    expect(isPrivateCidr(cidr('172.31.255.0/24'))).toBe(true);
    expect(isPrivateCidr(cidr('172.32.0.0/16'))).toBe(false);
    expect(isPrivateCidr(cidr('fd12:3456::/48'))).toBe(true);
    expect(isPrivateCidr(cidr('2001:db8::/32'))).toBe(false);
    expect(isPrivateCidr(cidr('0.0.0.0/0'))).toBe(false);
  });
  it('compares only within a family', () => {
    expect(cidrContains(cidr('10.0.0.0/8'), cidr('10.9.9.9/32'))).toBe(true);
    expect(cidrContains(cidr('10.0.0.0/16'), cidr('10.0.0.0/8'))).toBe(false);
    expect(cidrContains(cidr('::/0'), cidr('10.0.0.0/8'))).toBe(false);
  });
});
