import { readFlag, type Setting } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readField, readText } from '../engine/evaluate/config-fields.js';

const known = (setting: Setting<boolean>): boolean | null => (setting.state === 'present' ? setting.value : null);

export default defineControl({
  id: 'elasticache-replication-group-encrypted',
  title: 'ElastiCache replication group is encrypted at rest and in transit',
  service: 'elasticache',
  severity: 'high',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  description:
    'The Redis OSS or Valkey replication group has atRestEncryptionEnabled and transitEncryptionEnabled set, and its transit encryption mode is not "preferred" (which still accepts plaintext clients).',
  rationale:
    'Caches hold session tokens and copies of database rows. Without at-rest encryption they persist in clear on disk and in backups; without enforced TLS they cross the network in clear, where a host in the VPC can read or alter them.',
  remediation: {
    guidance:
      'In transit: aws elasticache modify-replication-group --replication-group-id <id> --transit-encryption-enabled --transit-encryption-mode preferred, then again with required. At rest is fixed at creation: restore a backup into a new group with --at-rest-encryption-enabled.',
  },
  references: {
    awsConfigRule: 'ELASTICACHE_REPL_GRP_ENCRYPTED_AT_REST',
    securityHub: 'ElastiCache.4',
    urls: [
      'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html',
      'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html',
      'https://docs.aws.amazon.com/config/latest/developerguide/elasticache-repl-grp-encrypted-in-transit.html',
    ],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const config = resource.configuration;
    const atRest = readFlag(config, 'atRestEncryptionEnabled');
    const inTransit = readFlag(config, 'transitEncryptionEnabled');
    // Before transit encryption modes existed, enabling it meant required; "preferred" lets plaintext clients in.
    const transitMode = readText(readField(config, 'transitEncryptionMode'));
    const observed = {
      atRestEncryptionEnabled: known(atRest),
      transitEncryptionEnabled: known(inTransit),
      transitEncryptionMode: transitMode,
      authTokenEnabled: known(readFlag(config, 'authTokenEnabled')),
      kmsKeyId: readText(readField(config, 'kmsKeyId')),
    };
    for (const [field, setting] of [
      ['atRestEncryptionEnabled', atRest],
      ['transitEncryptionEnabled', inTransit],
    ] as const) {
      if (setting.state === 'invalid') {
        return error(`ElastiCache replication group ${name} has an unreadable ${field} value.`, {
          ...observed,
          [field]: setting.raw,
        });
      }
    }
    const gaps: string[] = [];
    if (observed.atRestEncryptionEnabled === false) gaps.push('is not encrypted at rest');
    if (observed.transitEncryptionEnabled === false) gaps.push('is not encrypted in transit');
    else if (observed.transitEncryptionEnabled && transitMode?.toLowerCase() === 'preferred') {
      gaps.push('accepts unencrypted connections (transit encryption mode preferred)');
    }
    if (gaps.length > 0) return fail(`ElastiCache replication group ${name} ${gaps.join(' and ')}.`, observed);
    const missing = [
      ...(atRest.state === 'absent' ? ['atRestEncryptionEnabled'] : []),
      ...(inTransit.state === 'absent' ? ['transitEncryptionEnabled'] : []),
    ];
    if (missing.length > 0) {
      return insufficientData(
        `ElastiCache replication group ${name} has no recorded ${missing.join(' or ')} value.`,
        observed,
      );
    }
    return pass(`ElastiCache replication group ${name} is encrypted at rest and in transit.`, observed);
  },
});
