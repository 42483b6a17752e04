import { readField, readPath, readText } from '../engine/evaluate/config-fields.js';
import { judgeFlag } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'rds-instance-not-public',
  title: 'RDS DB instance is not publicly accessible',
  service: 'rds',
  severity: 'critical',
  resourceTypes: ['AWS::RDS::DBInstance'],
  description:
    'The DB instance has publiclyAccessible set to false, so its endpoint resolves only to a private address inside the VPC.',
  rationale:
    'A publicly accessible instance gets a public IP address; one permissive security group rule then exposes the database listener to the internet, where credential stuffing and engine exploits are routine.',
  remediation: {
    guidance:
      'aws rds modify-db-instance --db-instance-identifier <id> --no-publicly-accessible --apply-immediately (console: RDS > Databases > Modify > Connectivity > Public access: No).',
  },
  references: {
    awsConfigRule: 'RDS_INSTANCE_PUBLIC_ACCESS_CHECK',
    securityHub: 'RDS.2',
    urls: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html'],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration;
    return judgeFlag(config, 'publiclyAccessible', {
      subject: `RDS instance ${displayName(resource)}`,
      whenTrue: 'is publicly accessible',
      whenFalse: 'is not publicly accessible',
      compliant: false,
      observed: {
        endpointAddress: readText(readPath(config, 'endpoint', 'address')),
        vpcSecurityGroups: readField(config, 'vpcSecurityGroups') ?? null,
      },
    });
  },
});
