import { readField, readFlag, readText, requireSetting } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, pass } from '../engine/evaluate/verdict.js';

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
    const name = displayName(resource);
    const config = resource.configuration;
    const isPublic = requireSetting(
      readFlag(config, 'publiclyAccessible'),
      `RDS instance ${name}`,
      'publiclyAccessible',
    );
    if (!isPublic.ok) return isPublic.verdict;
    const observed = {
      publiclyAccessible: isPublic.value,
      endpointAddress: readText(readField(config, 'endpoint'), 'address'),
      vpcSecurityGroups: readField(config, 'vpcSecurityGroups') ?? null,
    };
    return isPublic.value
      ? fail(`RDS instance ${name} is publicly accessible.`, observed)
      : pass(`RDS instance ${name} is not publicly accessible.`, observed);
  },
});
