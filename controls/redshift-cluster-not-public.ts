import { readPath, readText } from '../engine/evaluate/config-fields.js';
import { judgeFlag } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'redshift-cluster-not-public',
  title: 'Redshift cluster is not publicly accessible',
  service: 'redshift',
  severity: 'critical',
  resourceTypes: ['AWS::Redshift::Cluster'],
  description:
    'The Redshift cluster has publiclyAccessible set to false, so its endpoint has no public IP address and is reachable only from inside the VPC.',
  rationale:
    'A publicly accessible cluster gets a public IP; with one permissive security group rule the warehouse listener is open to the internet, exposing bulk data to credential guessing and exfiltration.',
  remediation: {
    guidance:
      'aws redshift modify-cluster --cluster-identifier <id> --no-publicly-accessible (console: Redshift > Clusters > Actions > Modify publicly accessible setting > Turn off).',
  },
  references: {
    awsConfigRule: 'REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK',
    securityHub: 'Redshift.1',
    urls: ['https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html'],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration;
    return judgeFlag(config, 'publiclyAccessible', {
      subject: `Redshift cluster ${displayName(resource)}`,
      whenTrue: 'is publicly accessible',
      whenFalse: 'is not publicly accessible',
      compliant: false,
      observed: {
        endpointAddress: readText(readPath(config, 'endpoint', 'address')),
        elasticIp: readText(readPath(config, 'elasticIpStatus', 'elasticIp')),
      },
    });
  },
});
