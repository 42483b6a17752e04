import control from '../../controls/s3-bucket-object-lock-for-records.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

/** records-archive (API form) with this ObjectLockConfiguration (undefined removes it). */
const withLock = (lock: unknown) =>
  loadItem('s3-bucket/records-archive', (raw) => {
    if (lock === undefined) delete raw.supplementaryConfiguration.ObjectLockConfiguration;
    else raw.supplementaryConfiguration.ObjectLockConfiguration = JSON.stringify(lock);
  });

testControl(control, [
  {
    name: 'records bucket (tag value "Records") in COMPLIANCE mode for 7 years',
    resource: loadItem('s3-bucket/records-archive'),
    expected: 'PASS',
    reason: 'COMPLIANCE mode for 7 years',
    observed: { objectLockEnabled: 'Enabled', mode: 'COMPLIANCE', years: 7, days: null },
  },
  {
    name: 'GOVERNANCE mode in days',
    resource: withLock({
      objectLockEnabled: 'Enabled',
      rule: { defaultRetention: { mode: 'GOVERNANCE', days: 3650, years: 0 } },
    }),
    expected: 'PASS',
    reason: 'for 3650 days',
  },
  {
    name: 'Object Lock enabled without a default retention',
    resource: withLock({ objectLockEnabled: 'Enabled', rule: null }),
    expected: 'FAIL',
    reason: 'no default retention rule',
  },
  {
    name: 'no Object Lock configuration on a complete item',
    resource: withLock(undefined),
    expected: 'FAIL',
    reason: 'does not have Object Lock enabled',
  },
  {
    name: 'records tag on a snapshot-form bucket without Object Lock',
    resource: loadItem('s3-bucket/public-site', (raw) => {
      raw.tags.Retention = 'records';
    }),
    expected: 'FAIL',
  },
  { name: 'bucket not tagged as records', resource: loadItem('s3-bucket/baseline'), expected: 'NOT_APPLICABLE' },
  {
    name: 'records bucket with an empty supplementaryConfiguration',
    resource: loadItem('s3-bucket/records-archive', (raw) => {
      raw.supplementaryConfiguration = {};
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'undecodable Object Lock configuration',
    resource: loadItem('s3-bucket/records-archive', (raw) => {
      raw.supplementaryConfiguration.ObjectLockConfiguration = '{"objectLockEnabled":';
    }),
    expected: 'ERROR',
  },
]);
