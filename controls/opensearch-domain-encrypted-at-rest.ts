import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';
import { readBoolean, readField, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'opensearch-domain-encrypted-at-rest',
  title: 'OpenSearch domain encrypts data at rest',
  service: 'opensearch',
  severity: 'medium',
  resourceTypes: ['AWS::OpenSearch::Domain', 'AWS::Elasticsearch::Domain'],
  description:
    'EncryptionAtRestOptions.Enabled is true, so indices, logs, swap files and automated snapshots are encrypted with a KMS key. Legacy Elasticsearch domains (camelCase keys) are judged the same way.',
  rationale:
    'Search indices hold copies of application data, often personal or regulated; without encryption at rest the storage and snapshots are readable by anyone who obtains them, outside any key policy.',
  remediation: {
    guidance:
      'OpenSearch console → Domains → <domain> → Actions → Edit security configuration → Enable encryption of data at rest (engine 6.7+); or aws opensearch update-domain-config --domain-name <domain> --encryption-at-rest-options Enabled=true,KmsKeyId=<key-id>.',
  },
  references: {
    awsConfigRule: 'OPENSEARCH_ENCRYPTED_AT_REST',
    securityHub: 'Opensearch.1',
    urls: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html'],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration ?? {};
    const name = readText(readField(config, 'DomainName')) ?? displayName(resource);
    // OpenSearch items are CloudFormation-style (EncryptionAtRestOptions.Enabled), Elasticsearch ones camelCase.
    const options = readField(config, 'EncryptionAtRestOptions');
    const enabled = isRecord(options) ? readBoolean(readField(options, 'Enabled')) : null;
    const observed = { encryptionAtRestEnabled: enabled, kmsKeyId: readText(readField(options, 'KmsKeyId')) };
    if (enabled === null)
      return insufficientData(`OpenSearch domain ${name} has no recorded EncryptionAtRestOptions.`, observed);
    return enabled
      ? pass(`OpenSearch domain ${name} encrypts data at rest.`, observed)
      : fail(`OpenSearch domain ${name} does not encrypt data at rest.`, observed);
  },
});
