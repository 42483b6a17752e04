import { describe, expect, it } from 'vitest';
import type { Resource } from '../../engine/types.js';
import { ContextIndex } from '../../engine/evaluate/context.js';
import { defineControl } from '../../engine/evaluate/define-control.js';
import { evaluateResource, runControl } from '../../engine/evaluate/evaluate-resource.js';
import { fail, pass } from '../../engine/evaluate/verdict.js';
import { ControlDefinitionError } from '../../engine/errors.js';
import { createRegistry } from '../../engine/registry.js';
import { loadItem, normaliseRaw } from '../helpers/fixtures.js';

const base = {
  service: 's3',
  severity: 'low' as const,
  resourceTypes: ['AWS::S3::Bucket'],
  description: 'd',
  rationale: 'r',
  remediation: { guidance: 'g' },
  references: { urls: [] },
};
const passing = defineControl({
  ...base,
  id: 's3-test-passing',
  title: 'Always passes',
  evaluate: () => pass('It passes.'),
});
const throwing = defineControl({
  ...base,
  id: 's3-test-throwing',
  title: 'Throws',
  evaluate: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  },
});

describe('Function: defineControl', () => {
  it.each([
    [{ id: 'S3_Bad' }, /kebab-case/],
    [{ id: 'iam-wrong-service' }, /must start with its service/],
    [{ title: 'Ensure buckets are versioned' }, /not "Ensure"/],
    [{ severity: 'urgent' }, /severity must be one of/],
    [{ description: 'x'.repeat(401) }, /description/],
    [{ resourceTypes: [] }, /resourceTypes/],
  ])('rejects %o', (override, message) => {
    expect(() =>
      defineControl({ ...base, id: 's3-ok-id', title: 'T', evaluate: () => pass('.'), ...(override as object) }),
    ).toThrow(message);
  });
  it('fingerprints the metadata', () => {
    const other = defineControl({ ...base, id: 's3-test-passing', title: 'Always passes!', evaluate: () => pass('.') });
    expect(passing.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(other.hash).not.toBe(passing.hash);
  });
});

describe('Function: runControl', () => {
  const bucket = loadItem('s3-bucket/baseline');
  const context = new ContextIndex(new Set());
  it('turns a throw into an ERROR verdict naming the control', () => {
    const verdict = runControl(throwing, bucket, context, new Date());
    expect(verdict.status).toBe('ERROR');
    expect(verdict.reason).toMatch(/s3-test-throwing failed on acme-payroll-exports: Cannot read/);
  });
  it('never passes an item without configuration', () => {
    const empty = loadItem('s3-bucket/baseline', (raw) => {
      raw.configuration = null;
    });
    expect(runControl(passing, empty, context, new Date()).status).toBe('INSUFFICIENT_DATA');
  });
  it('turns a PASS on an item with undecodable fields into an ERROR', () => {
    const broken = loadItem('s3-bucket/baseline', (raw) => {
      raw.supplementaryConfiguration.BucketPolicy = JSON.stringify({ policyText: '{"Statement": [' });
    });
    const verdict = runControl(passing, broken, context, new Date());
    expect(verdict.status).toBe('ERROR');
    expect(verdict.reason).toMatch(/could not be decoded: BucketPolicy.policyText/);
  });
  it('leaves a FAIL as a FAIL', () => {
    const failing = defineControl({ ...base, id: 's3-test-failing', title: 'Fails', evaluate: () => fail('Bad.') });
    expect(runControl(failing, bucket, context, new Date()).status).toBe('FAIL');
  });
});

describe('Function: evaluateResource', () => {
  it('stamps each finding with the run, the control and the resource', () => {
    const bucket = loadItem('s3-bucket/baseline');
    const findings = evaluateResource(bucket, [passing, throwing], new ContextIndex(new Set()), {
      runId: 'run-1',
      evaluatedAt: '2026-11-26T00:00:00.000Z',
      runStart: new Date('2026-11-26T00:00:00Z'),
      requirementsFor: (id) => (id === 's3-test-passing' ? ['soc2:CC6.1'] : []),
    });
    expect(findings.map((f) => f.status)).toEqual(['PASS', 'ERROR']);
    expect(findings[0]).toMatchObject({
      runId: 'run-1',
      controlId: 's3-test-passing',
      controlHash: passing.hash,
      resourceArn: 'arn:aws:s3:::acme-payroll-exports',
      configurationCaptureTime: '2026-10-02T09:14:27.512Z',
      requirements: ['soc2:CC6.1'],
      remediation: 'g',
    });
  });
  it('measures ages to the capture time, or the run start', () => {
    const seen: Date[] = [];
    const clock = defineControl({
      ...base,
      id: 's3-test-clock',
      title: 'Clock',
      evaluate: ({ asOf }) => {
        seen.push(asOf);
        return pass('Ok.');
      },
    });
    const options = {
      runId: 'r',
      evaluatedAt: 'e',
      runStart: new Date('2030-01-01T00:00:00Z'),
      requirementsFor: () => [],
    };
    evaluateResource(loadItem('s3-bucket/baseline'), [clock], new ContextIndex(new Set()), options);
    evaluateResource(
      loadItem('s3-bucket/baseline', (raw) => delete raw.configurationItemCaptureTime),
      [clock],
      new ContextIndex(new Set()),
      options,
    );
    expect(seen.map((d) => d.toISOString())).toEqual(['2026-10-02T09:14:27.512Z', '2030-01-01T00:00:00.000Z']);
  });
});

describe('Class: ContextIndex', () => {
  it('finds by id, ARN or name, keeps only declared types, and replaces duplicates', () => {
    const index = new ContextIndex(new Set(['AWS::S3::Bucket']));
    const bucket = loadItem('s3-bucket/baseline');
    index.add(bucket);
    index.add(loadItem('s3-bucket/baseline'));
    index.add(normaliseRaw({ resourceType: 'AWS::EC2::Volume', resourceId: 'vol-1', configuration: {} }));
    expect(index.find('AWS::S3::Bucket', 'arn:aws:s3:::acme-payroll-exports')?.resourceId).toBe('acme-payroll-exports');
    expect(index.all('AWS::S3::Bucket')).toHaveLength(1);
    expect(index.all('AWS::EC2::Volume')).toHaveLength(0);
    expect(index.account('111122223333')).toBeUndefined();
  });

  it('reads a resource it holds only by its keys again when asked, and keeps the last ones read', () => {
    // Prepare: 5,000 buckets known by their keys alone, more than the 4,096 kept once read.
    const index = new ContextIndex(new Set(['AWS::S3::Bucket']));
    const reads = new Map<string, number>();
    const bucketNamed = (name: string) =>
      normaliseRaw({ resourceType: 'AWS::S3::Bucket', resourceId: name, resourceName: name, configuration: {} });
    for (let n = 0; n < 5_000; n++) {
      const name = `bucket-${n}`;
      index.add(bucketNamed(name), {
        load: () => {
          reads.set(name, (reads.get(name) ?? 0) + 1);
          return bucketNamed(name);
        },
      });
    }
    // Act
    const first = index.find('AWS::S3::Bucket', 'bucket-7');
    const again = index.find('AWS::S3::Bucket', 'bucket-7');
    for (let n = 100; n < 4_300; n++) index.find('AWS::S3::Bucket', `bucket-${n}`);
    const afterEviction = index.find('AWS::S3::Bucket', 'bucket-7');
    // Assess
    expect(first?.resourceName).toBe('bucket-7');
    expect(again).toBe(first);
    expect(afterEviction?.resourceName).toBe('bucket-7');
    expect(afterEviction).not.toBe(first);
    expect(reads.get('bucket-7')).toBe(2);
    expect(index.all('AWS::S3::Bucket')).toHaveLength(5_000);
  });

  it('looks resources up by a derived key, and says whether a key has any without reading them', () => {
    // Prepare
    const index = new ContextIndex(new Set(['AWS::EC2::FlowLog']));
    let reads = 0;
    const log = (id: string, vpc: string) =>
      normaliseRaw({ resourceType: 'AWS::EC2::FlowLog', resourceId: id, configuration: { resourceId: vpc } });
    index.add(log('fl-1', 'vpc-a'));
    index.add(log('fl-2', 'vpc-a'), {
      load: () => {
        reads++;
        return log('fl-2', 'vpc-a');
      },
    });
    index.add(log('fl-3', 'vpc-b'));
    const byVpc = (resource: Resource) => String(resource.configuration?.resourceId);
    // Act
    const grouped = index.lookup('AWS::EC2::FlowLog', byVpc, 'vpc-a').map((found) => found.resourceId);
    const readsToGroup = reads;
    const hasB = index.has('AWS::EC2::FlowLog', byVpc, 'vpc-b');
    const hasC = index.has('AWS::EC2::FlowLog', byVpc, 'vpc-c');
    // Assess
    expect(grouped).toEqual(['fl-1', 'fl-2']);
    expect(readsToGroup).toBe(1);
    expect([hasB, hasC]).toEqual([true, false]);
    expect(reads).toBe(readsToGroup);
  });

  it('reads only the first resources of a lookup when given a limit', () => {
    // Prepare: 4,101 groups filed under one name, all but the first held by
    // their keys alone. Grouping them reads each once; the last 4,096 stay
    // in memory, so g-1 to g-4 would have to be read again.
    const index = new ContextIndex(new Set(['AWS::IAM::Group']));
    const reads: string[] = [];
    const group = (id: string) =>
      normaliseRaw({ resourceType: 'AWS::IAM::Group', resourceId: id, configuration: { groupName: 'admins' } });
    index.add(group('g-0'));
    for (let n = 1; n <= 4_100; n++) {
      const id = `g-${n}`;
      index.add(group(id), {
        load: () => {
          reads.push(id);
          return group(id);
        },
      });
    }
    const byName = (resource: Resource) => String(resource.configuration?.groupName);
    index.has('AWS::IAM::Group', byName, 'admins');
    const readsToGroup = reads.length;
    // Act
    const firstTwo = index.lookup('AWS::IAM::Group', byName, 'admins', 2).map((found) => found.resourceId);
    // Assess
    expect(readsToGroup).toBe(4_100);
    expect(firstTwo).toEqual(['g-0', 'g-1']);
    expect(reads.slice(readsToGroup)).toEqual(['g-1']);
    expect(index.lookup('AWS::IAM::Group', byName, 'admins')).toHaveLength(4_101);
  });

  it('forgets every resource when cleared', () => {
    // Prepare
    const index = new ContextIndex(new Set(['AWS::S3::Bucket']));
    index.add(loadItem('s3-bucket/baseline'));
    const byName = (resource: Resource) => resource.resourceName;
    index.has('AWS::S3::Bucket', byName, 'acme-payroll-exports');
    // Act
    index.clear();
    // Assess
    expect(index.all('AWS::S3::Bucket')).toHaveLength(0);
    expect(index.find('AWS::S3::Bucket', 'acme-payroll-exports')).toBeUndefined();
    expect(index.has('AWS::S3::Bucket', byName, 'acme-payroll-exports')).toBe(false);
  });
});

describe('Function: createRegistry', () => {
  it('indexes by type, collects context types and hashes the catalog', () => {
    const registry = createRegistry([throwing, passing]);
    expect(registry.controls.map((c) => c.id)).toEqual(['s3-test-passing', 's3-test-throwing']);
    expect(registry.forResourceType('AWS::S3::Bucket')).toHaveLength(2);
    expect(registry.contextTypes.has('AWS::::Account')).toBe(true);
    expect(registry.catalogHash).toBe(createRegistry([passing, throwing]).catalogHash);
  });
  it('refuses a duplicate id', () => {
    expect(() => createRegistry([passing, passing])).toThrow(ControlDefinitionError);
  });
});
