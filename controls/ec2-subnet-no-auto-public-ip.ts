import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readBoolean } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'ec2-subnet-no-auto-public-ip',
  title: 'Subnet does not assign public IPv4 addresses on launch',
  service: 'ec2',
  severity: 'medium',
  resourceTypes: ['AWS::EC2::Subnet'],
  description:
    'mapPublicIpOnLaunch is false, so instances launched into the subnet get no public IPv4 address unless one is asked for explicitly.',
  rationale:
    'With auto-assign on, every instance launched into the subnet becomes internet-addressable by default, including ones whose owners never meant them to be public; default-VPC subnets ship this way.',
  remediation: {
    guidance:
      'aws ec2 modify-subnet-attribute --subnet-id <id> --no-map-public-ip-on-launch, or VPC console > Subnets > <subnet> > Actions > Edit subnet settings > clear "Enable auto-assign public IPv4 address".',
  },
  references: {
    awsConfigRule: 'SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED',
    securityHub: 'EC2.15',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/subnet-auto-assign-public-ip-disabled.html',
      'https://docs.aws.amazon.com/vpc/latest/userguide/modify-subnets.html',
    ],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const configuration = resource.configuration ?? {};
    const mapPublicIpOnLaunch = readBoolean(configuration.mapPublicIpOnLaunch);
    const observed = {
      mapPublicIpOnLaunch,
      defaultForAz: readBoolean(configuration.defaultForAz),
      assignIpv6AddressOnCreation: readBoolean(configuration.assignIpv6AddressOnCreation),
      vpcId: configuration.vpcId ?? null,
    };
    if (mapPublicIpOnLaunch === null) {
      return insufficientData(`Subnet ${name} has no recorded mapPublicIpOnLaunch.`, observed);
    }
    return mapPublicIpOnLaunch
      ? fail(`Subnet ${name} assigns public IPv4 addresses on launch.`, observed)
      : pass(`Subnet ${name} does not assign public IPv4 addresses on launch.`, observed);
  },
});
