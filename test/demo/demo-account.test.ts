/**
 * The bundled demo account (demo/demo-account.json): it is exactly what its
 * generator writes, every record normalises, its items have the shape AWS
 * Config delivers in snapshot files, and the catalog has something to say
 * about it: every control judges at least one resource, and every verdict
 * kind appears.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { controls } from '../../controls/index.js';
import { buildDemoAccount, DEMO_ACCOUNT_PATH, renderDemoAccount } from '../../demo/build-demo-account.js';
import { ContextIndex } from '../../engine/evaluate/context.js';
import { runControl } from '../../engine/evaluate/evaluate-resource.js';
import { ACCOUNT_RESOURCE_TYPE, emptyAccountResource } from '../../engine/normalize/account-facts.js';
import { isRecord } from '../../engine/normalize/decode.js';
import { normaliseRecord } from '../../engine/normalize/records.js';
import { OUT_OF_SCOPE_STATUSES, type Resource, STATUSES, type Status } from '../../engine/types.js';

const committed = readFileSync(DEMO_ACCOUNT_PATH, 'utf8');
const demo = JSON.parse(committed) as Record<string, unknown>;
const items = (Array.isArray(demo.configurationItems) ? demo.configurationItems : []).filter(isRecord);

/** The one item whose recorded bucket policy is cut short on purpose, to show ERROR. */
const UNDECODABLE_ON_PURPOSE = 'nwh-vendor-dropbox';

function normaliseDemo(): Resource[] {
  const resources: Resource[] = [];
  // The normaliser decodes nested values in place: give it a copy, so that the raw items stay as written.
  for (const record of normaliseRecord(structuredClone(demo), 'demo/demo-account.json')) {
    if (record.kind === 'resource') resources.push(record.resource);
  }
  return resources;
}

/** The resources the audit judges: live items, plus an empty account resource for each account without facts. */
function auditedResources(): Resource[] {
  const live = normaliseDemo().filter((resource) => !OUT_OF_SCOPE_STATUSES.has(resource.status));
  const withFacts = new Set(live.filter((r) => r.resourceType === ACCOUNT_RESOURCE_TYPE).map((r) => r.accountId));
  const accounts = new Set(live.map((resource) => resource.accountId));
  return [...live, ...[...accounts].filter((id) => !withFacts.has(id)).map(emptyAccountResource)];
}

/** Decodes an IAM document the way Config delivers it: URL-encoded JSON text. */
function decodeIamDocument(value: unknown): unknown {
  expect(typeof value).toBe('string');
  expect(value).toMatch(/^%7B/);
  return JSON.parse(decodeURIComponent(value as string));
}

describe('Demo account: the file', () => {
  it('is exactly what demo/build-demo-account.ts writes (run it after changing the generator)', () => {
    // Act
    const generated = renderDemoAccount();
    // Assess
    expect(committed === generated, 'demo/demo-account.json is stale: run npx tsx demo/build-demo-account.ts').toBe(
      true,
    );
  });

  it('is generated deterministically', () => {
    expect(buildDemoAccount()).toEqual(buildDemoAccount());
  });

  it('is a compliance-auditor inventory with facts for production only', () => {
    expect(demo.format).toBe('compliance-auditor/inventory');
    expect(demo.formatVersion).toBe(1);
    const facts = Array.isArray(demo.accountFacts) ? demo.accountFacts.filter(isRecord) : [];
    expect(facts.map((record) => record.accountId)).toEqual(['111122223333']);
    const accounts = new Set(items.map((item) => item.awsAccountId));
    expect([...accounts].sort()).toEqual(['111122223333', '444455556666']);
  });

  it('holds at least 90 configuration items, a couple of them deleted', () => {
    expect(items.length).toBeGreaterThanOrEqual(90);
    const deleted = items.filter((item) => item.configurationItemStatus === 'ResourceDeleted');
    expect(deleted.length).toBeGreaterThanOrEqual(2);
    for (const item of deleted) expect(item.configuration).toBeNull();
  });
});

describe('Demo account: configuration items', () => {
  it('use the snapshot-file form, captured within minutes of 2026-11-20T06:00Z', () => {
    for (const item of items) {
      const where = `${String(item.resourceType)} ${String(item.resourceId)}`;
      expect(item.configurationItemVersion, where).toBe('1.3');
      expect(item.awsAccountId, where).toMatch(/^\d{12}$/);
      expect(typeof item.configurationStateId, where).toBe('number');
      expect(isRecord(item.tags), where).toBe(true);
      expect(Array.isArray(item.relatedEvents) && Array.isArray(item.relationships), where).toBe(true);
      expect(isRecord(item.supplementaryConfiguration), where).toBe(true);
      expect(item.configuration === null || isRecord(item.configuration), where).toBe(true);
      for (const key of ['resourceName', 'awsRegion', 'availabilityZone', 'resourceCreationTime'])
        expect(item, where).toHaveProperty(key);
      const captured = Date.parse(String(item.configurationItemCaptureTime));
      expect(captured, where).toBeGreaterThanOrEqual(Date.parse('2026-11-20T06:00:00Z'));
      expect(captured, where).toBeLessThan(Date.parse('2026-11-20T06:15:00Z'));
    }
  });

  it('keep IAM policy documents URL-encoded, as Config delivers them', () => {
    let documents = 0;
    for (const item of items) {
      const configuration = isRecord(item.configuration) ? item.configuration : {};
      const lists = ['rolePolicyList', 'userPolicyList', 'groupPolicyList'].flatMap((key) => {
        const list = configuration[key];
        return Array.isArray(list) ? list.filter(isRecord) : [];
      });
      const inline = lists.map((policy) => policy.policyDocument);
      const versions = (Array.isArray(configuration.policyVersionList) ? configuration.policyVersionList : [])
        .filter(isRecord)
        .map((version) => version.document);
      const trust = item.resourceType === 'AWS::IAM::Role' ? [configuration.assumeRolePolicyDocument] : [];
      for (const document of [...trust, ...inline, ...versions]) {
        expect(decodeIamDocument(document)).toHaveProperty('Statement');
        documents++;
      }
    }
    expect(documents).toBeGreaterThanOrEqual(20);
  });

  it('keep the S3 ACL and bucket policy text as JSON strings', () => {
    const buckets = items.filter((item) => item.resourceType === 'AWS::S3::Bucket' && item.configuration !== null);
    expect(buckets.length).toBeGreaterThanOrEqual(10);
    for (const bucket of buckets) {
      const supplementary = bucket.supplementaryConfiguration as Record<string, unknown>;
      expect(typeof supplementary.AccessControlList).toBe('string');
      const policy = supplementary.BucketPolicy as Record<string, unknown>;
      expect(policy.policyText === null || typeof policy.policyText === 'string').toBe(true);
    }
  });

  it('all normalise, and only the deliberately truncated policy fails to decode', () => {
    // Act
    const resources = normaliseDemo();
    // Assess
    expect(resources).toHaveLength(items.length + 1);
    const undecodable = resources.filter((resource) => resource.decodeErrors.length > 0).map((r) => r.resourceId);
    expect(undecodable).toEqual([UNDECODABLE_ON_PURPOSE]);
  });
});

describe('Demo account: the catalog over it', () => {
  const resources = auditedResources();
  const context = new ContextIndex(new Set(resources.map((resource) => resource.resourceType)));
  for (const resource of resources) context.add(resource);
  const collectedAt = new Date(String(demo.collectedAt));
  const findings = controls.map((control) => ({
    control,
    statuses: resources
      .filter((resource) => control.resourceTypes.includes(resource.resourceType))
      .map((resource) => {
        const asOf = resource.captureTime ? new Date(resource.captureTime) : collectedAt;
        return runControl(control, resource, context, asOf).status;
      }),
  }));

  it('has controls to run', () => {
    expect(controls.length).toBeGreaterThan(0);
  });

  it.each(findings.map((f) => [f.control.id, f.statuses] as const))(
    '%s judges a resource and gives a verdict',
    (_id, statuses) => {
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.some((status) => status === 'PASS' || status === 'FAIL')).toBe(true);
    },
  );

  it('produces every verdict kind', () => {
    const seen = new Set<Status>(findings.flatMap((f) => f.statuses));
    for (const status of STATUSES) expect(seen.has(status), status).toBe(true);
  });

  it('is mostly compliant, with a tail of problems', () => {
    const all = findings.flatMap((f) => f.statuses);
    const count = (status: Status) => all.filter((s) => s === status).length;
    expect(count('PASS')).toBeGreaterThan(count('FAIL'));
    expect(count('FAIL')).toBeGreaterThan(0);
  });
});
