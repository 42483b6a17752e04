import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';
import { readBoolean, readField, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'opensearch-domain-node-to-node-encrypted',
  title: 'OpenSearch domain encrypts traffic between its nodes',
  service: 'opensearch',
  severity: 'medium',
  resourceTypes: ['AWS::OpenSearch::Domain', 'AWS::Elasticsearch::Domain'],
  description:
    'NodeToNodeEncryptionOptions.Enabled is true, so the domain uses TLS for all traffic between its nodes inside the VPC or service network.',
  rationale:
    'Without node-to-node encryption, documents and queries cross the network between cluster nodes in clear text, where anyone able to observe that traffic can read or alter them.',
  remediation: {
    guidance:
      'OpenSearch console → Domains → <domain> → Actions → Edit security configuration → Enable node-to-node encryption (engine 6.0+); or aws opensearch update-domain-config --domain-name <domain> --node-to-node-encryption-options Enabled=true.',
  },
  references: {
    awsConfigRule: 'OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK',
    securityHub: 'Opensearch.3',
    urls: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html'],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration ?? {};
    const name = readText(readField(config, 'DomainName')) ?? displayName(resource);
    const options = readField(config, 'NodeToNodeEncryptionOptions');
    const enabled = isRecord(options) ? readBoolean(readField(options, 'Enabled')) : null;
    const observed = { nodeToNodeEncryptionEnabled: enabled };
    if (enabled === null) {
      return insufficientData(`OpenSearch domain ${name} has no recorded NodeToNodeEncryptionOptions.`, observed);
    }
    return enabled
      ? pass(`OpenSearch domain ${name} encrypts node-to-node traffic.`, observed)
      : fail(`OpenSearch domain ${name} does not encrypt node-to-node traffic.`, observed);
  },
});
