import { describe, expect, it } from 'vitest';
import {
  conditionRestrictsPrincipal,
  conditionValueIs,
  isNarrowingOperator,
  isPublicStatement,
  matchesResourcePattern,
  matchesWildcard,
  narrowingValues,
  type PolicyStatement,
  parsePolicy,
  statementCoversAction,
  statementCoversAllResources,
  statementLabel,
} from '../../engine/evaluate/policy.js';

const statements = (document: unknown): PolicyStatement[] => {
  const parsed = parsePolicy(document);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.statements;
};
const one = (statement: Record<string, unknown>): PolicyStatement => {
  const [first] = statements({ Version: '2012-10-17', Statement: statement });
  if (!first) throw new Error('no statement');
  return first;
};

describe('Function: parsePolicy', () => {
  it('accepts a single Statement object and string or array fields', () => {
    const s = one({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*'] });
    expect(s).toMatchObject({ effect: 'Allow', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] });
    expect(s.principal?.wildcard).toBe(true);
  });
  it('reads URL-encoded documents', () => {
    const doc = encodeURIComponent(
      JSON.stringify({ Statement: [{ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }] }),
    );
    expect(statements(doc)[0]).toMatchObject({ effect: 'Deny', notActions: ['iam:*'] });
  });
  it('lower-cases condition keys and stringifies values', () => {
    const s = one({
      Effect: 'Deny',
      Principal: '*',
      Action: '*',
      Condition: { Bool: { 'aws:SecureTransport': false } },
    });
    expect(s.condition).toEqual({ Bool: { 'aws:securetransport': ['false'] } });
    expect(conditionValueIs(s.condition.Bool?.['aws:securetransport'], false)).toBe(true);
  });
  it('rejects a statement with a bad Effect', () => {
    expect(parsePolicy({ Statement: [{ Effect: 'allow' }] })).toMatchObject({ ok: false });
  });
});

describe('Function: matchesWildcard', () => {
  it.each([
    ['s3:Get*', 's3:GetObject', true],
    ['S3:get*', 's3:GetObject', true],
    ['s3:Get?bject', 's3:GetObject', true],
    ['s3:Put*', 's3:GetObject', false],
    ['*', 'iam:PassRole', true],
    ['iam:Pass.Role', 'iam:PassXRole', false],
    ['arn:aws:s3:::logs-*/*', 'arn:aws:s3:::logs-prod/AWSLogs/1', true],
    ['arn:aws:s3:::logs-*/*', 'arn:aws:s3:::logs-prod', false],
    ['a*b*c', 'aXbYbZc', true],
    ['a*b*c', 'aXbYbZ', false],
    ['*/*', '/', true],
    ['**?', '', false],
    ['', '', true],
    ['iam:*Role', 'iam:PassRoles', false],
    ['ÄRN*', 'ärn:x', true],
  ])('%s vs %s → %s', (pattern, action, expected) => {
    expect(matchesWildcard(pattern, action)).toBe(expected);
  });

  it('matches resource ARNs case-sensitively, as IAM does', () => {
    expect(matchesResourcePattern('arn:aws:iam::*:user/Bob', 'arn:aws:iam::111122223333:user/Bob')).toBe(true);
    expect(matchesResourcePattern('arn:aws:iam::*:user/Bob', 'arn:aws:iam::111122223333:user/bob')).toBe(false);
    expect(matchesResourcePattern('arn:aws:s3:::logs-?/*', 'arn:aws:s3:::logs-a/x/y')).toBe(true);
    expect(matchesWildcard('arn:aws:iam::*:user/Bob', 'arn:aws:iam::111122223333:user/bob')).toBe(true);
  });

  it('agrees with an anchored regex (case-insensitive for actions, exact for ARNs) on generated patterns', () => {
    // A small deterministic generator: patterns and values over an alphabet
    // that makes backtracking matter (repeated letters, stars, question marks).
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = ['a', 'A', 'b', ':', '/', '*', '?'];
    const word = (length: number, withWildcards: boolean) =>
      Array.from({ length }, () => alphabet[next(withWildcards ? alphabet.length : alphabet.length - 2)]).join('');
    for (let i = 0; i < 3000; i++) {
      const pattern = word(next(7), true);
      const value = word(next(9), false);
      const source = [...pattern]
        .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\/]/g, '\\$&')))
        .join('');
      expect(matchesWildcard(pattern, value), `${pattern} vs ${value}`).toBe(
        new RegExp(`^${source}$`, 'i').test(value),
      );
      expect(matchesResourcePattern(pattern, value), `${pattern} vs ${value}`).toBe(
        new RegExp(`^${source}$`).test(value),
      );
    }
  });
});

describe('Function: statementCoversAction / statementCoversAllResources', () => {
  it('handles Action and NotAction', () => {
    expect(statementCoversAction(one({ Effect: 'Allow', Action: ['s3:*'] }), 's3:PutObject')).toBe(true);
    expect(statementCoversAction(one({ Effect: 'Allow', NotAction: 'iam:*' }), 's3:PutObject')).toBe(true);
    expect(statementCoversAction(one({ Effect: 'Allow', NotAction: 'iam:*' }), 'IAM:PassRole')).toBe(false);
  });
  it('handles Resource and NotResource', () => {
    expect(statementCoversAllResources(one({ Effect: 'Allow', Action: '*', Resource: '*' }))).toBe(true);
    expect(statementCoversAllResources(one({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }))).toBe(false);
    expect(statementCoversAllResources(one({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::b' }))).toBe(
      false,
    );
  });
});

describe('Function: isPublicStatement', () => {
  it.each([
    ['Principal "*"', { Principal: '*' }, true],
    ['AWS "*"', { Principal: { AWS: '*' } }, true],
    ['AWS list with "*"', { Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] } }, true],
    ['every account root', { Principal: { AWS: 'arn:aws:iam::*:root' } }, true],
    ['NotPrincipal with Allow', { NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } }, true],
    ['one account', { Principal: { AWS: 'arn:aws:iam::111122223333:root' } }, false],
    ['a service', { Principal: { Service: 'cloudtrail.amazonaws.com' } }, false],
    [
      'pinned by SourceVpce',
      { Principal: '*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } },
      false,
    ],
    [
      'pinned by PrincipalOrgID',
      { Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } },
      false,
    ],
    [
      'pinned by SourceArn with account',
      { Principal: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:*' } } },
      false,
    ],
    [
      'wildcard SourceVpc is not a pin',
      { Principal: '*', Condition: { StringLike: { 'aws:SourceVpc': 'vpc-*' } } },
      true,
    ],
    [
      'IfExists is not a pin',
      { Principal: '*', Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } } },
      true,
    ],
    ['negation is not a pin', { Principal: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } }, true],
    [
      'private SourceIp pins',
      { Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.1.0/24'] } } },
      false,
    ],
    [
      'public SourceIp does not',
      { Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
      true,
    ],
    ['IPv6 ULA SourceIp pins', { Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': 'fd00::/8' } } }, false],
    [
      'a policy variable is not fixed',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
      { Principal: '*', Condition: { StringEquals: { 'aws:SourceAccount': '${aws:PrincipalAccount}' } } },
      true,
    ],
  ])('%s', (_name, fields, expected) => {
    expect(isPublicStatement(one({ Effect: 'Allow', Action: 's3:GetObject', ...fields }))).toBe(expected);
  });
  it('never treats a Deny as a grant', () => {
    expect(isPublicStatement(one({ Effect: 'Deny', Principal: '*', Action: '*' }))).toBe(false);
  });
  it('reports what restricts', () => {
    const s = one({
      Effect: 'Allow',
      Principal: '*',
      Action: '*',
      Condition: { IpAddress: { 'aws:SourceIp': '10.1.0.0/16' } },
    });
    expect(conditionRestrictsPrincipal(s.condition)).toEqual({
      restricted: true,
      by: ['aws:sourceip'],
      sourceIps: ['10.1.0.0/16'],
    });
  });
});

describe('Function: isNarrowingOperator and narrowingValues', () => {
  it.each([
    ['StringEquals', true],
    ['ForAnyValue:StringLike', true],
    ['ArnLike', true],
    ['IpAddress', true],
    ['StringEqualsIfExists', false],
    ['StringNotEquals', false],
    ['ForAllValues:StringEquals', false],
    ['Bool', false],
  ])('%s narrows: %s', (operator, expected) => {
    expect(isNarrowingOperator(operator)).toBe(expected);
  });

  it('gathers the values of a key under every narrowing operator only', () => {
    // Prepare
    const s = one({
      Effect: 'Allow',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'sts:ExternalId': 'a' },
        'ForAnyValue:StringLike': { 'sts:ExternalId': ['b'] },
        StringEqualsIfExists: { 'sts:ExternalId': 'c' },
        'ForAllValues:StringEquals': { 'sts:ExternalId': 'd' },
      },
    });
    // Assess
    expect(narrowingValues(s.condition, 'sts:ExternalId')).toEqual(['a', 'b']);
    expect(narrowingValues(s.condition, 'aws:SourceAccount')).toBeNull();
  });

  it('labels a statement by Sid, else by index', () => {
    expect(statementLabel(one({ Sid: 'S1', Effect: 'Deny', Action: '*' }), 3)).toBe('S1');
    expect(statementLabel(one({ Effect: 'Deny', Action: '*' }), 3)).toBe('#3');
  });
});
