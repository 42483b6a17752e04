import control from '../../controls/acm-certificate-not-expiring.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// The baseline is in the API form; asOf defaults to its capture time, 2026-09-14T08:34:27Z.
const editCertificate = (edit: (configuration: Record<string, unknown>) => void) =>
  loadItem('acm-certificate/baseline', (raw) => editJson(raw, 'configuration', edit));

testControl(control, [
  {
    name: 'issued, in use, valid until April 2027',
    resource: loadItem('acm-certificate/baseline'),
    expected: 'PASS',
    reason: 'checkout.acme-shop.example is valid for 206 more days',
    observed: { daysToExpiry: 206, status: 'ISSUED', type: 'AMAZON_ISSUED' },
  },
  {
    name: 'expires in 12 days (imported, not renewed by ACM)',
    resource: editCertificate((c) => {
      c.type = 'IMPORTED';
      c.notAfter = '2026-09-26T12:00:00.000Z';
    }),
    expected: 'FAIL',
    reason: 'expires in 12 days',
  },
  {
    name: 'notAfter as epoch milliseconds',
    resource: editCertificate((c) => {
      c.notAfter = Date.parse('2026-09-20T00:00:00Z');
    }),
    expected: 'FAIL',
    observed: { notAfter: '2026-09-20T00:00:00.000Z', daysToExpiry: 5 },
  },
  {
    name: 'status EXPIRED',
    resource: editCertificate((c) => {
      c.status = 'EXPIRED';
      c.notAfter = '2026-08-01T23:59:59.000Z';
    }),
    expected: 'FAIL',
    reason: 'expired on 2026-08-01',
  },
  {
    name: 'past notAfter while status still ISSUED',
    resource: editCertificate((c) => {
      c.notAfter = '2026-09-01T00:00:00.000Z';
    }),
    expected: 'FAIL',
    reason: 'expired on',
  },
  {
    name: 'not in use by anything: judged, and noted',
    resource: editCertificate((c) => {
      c.inUseBy = [];
      c.notAfter = '2026-10-01T00:00:00.000Z';
    }),
    expected: 'FAIL',
    reason: 'not in use by any resource',
  },
  {
    name: 'unused but valid for long',
    resource: editCertificate((c) => {
      c.inUseBy = [];
    }),
    expected: 'PASS',
    reason: 'not in use by any resource',
  },
  {
    name: 'revoked certificate',
    resource: editCertificate((c) => {
      c.status = 'REVOKED';
    }),
    expected: 'FAIL',
    reason: 'revoked',
  },
  {
    name: 'request still pending validation',
    resource: editCertificate((c) => {
      c.status = 'PENDING_VALIDATION';
      delete c.notAfter;
    }),
    expected: 'NOT_APPLICABLE',
  },
  {
    name: 'issued certificate without notAfter',
    resource: editCertificate((c) => {
      delete c.notAfter;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'unreadable notAfter',
    resource: editCertificate((c) => {
      c.notAfter = 'next spring';
    }),
    expected: 'ERROR',
  },
]);
