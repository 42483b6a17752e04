import control from '../../controls/opensearch-domain-not-public.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

const ARN = 'arn:aws:es:eu-west-1:111122223333:domain/orders-search';
// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const domain = (edit: (configuration: any) => void) =>
  loadItem('opensearch-domain/baseline', (raw) => editJson(raw, 'configuration', edit));
const publicEndpoint = (policy: unknown) =>
  domain((c) => {
    delete c.VPCOptions;
    c.AccessPolicies = policy;
  });
const openPolicy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: `${ARN}/*` }],
};

testControl(control, [
  {
    name: 'domain in a VPC',
    resource: loadItem('opensearch-domain/baseline'),
    expected: 'PASS',
    observed: { inVpc: true },
  },
  {
    name: 'domain in a VPC with an open policy',
    resource: domain((c) => (c.AccessPolicies = openPolicy)),
    expected: 'PASS',
  },
  {
    name: 'public endpoint and open access policy',
    resource: publicEndpoint(openPolicy),
    expected: 'FAIL',
    observed: { inVpc: false, fineGrainedAccessControl: true },
  },
  {
    name: 'public endpoint, open policy as a JSON string',
    resource: publicEndpoint(JSON.stringify(openPolicy)),
    expected: 'FAIL',
  },
  {
    name: 'public endpoint restricted to an IAM role',
    resource: domain((c) => delete c.VPCOptions),
    expected: 'PASS',
    reason: 'no public statement',
  },
  {
    name: 'public endpoint restricted to private source IPs',
    resource: publicEndpoint({
      Statement: [{ ...openPolicy.Statement[0], Condition: { IpAddress: { 'aws:SourceIp': ['10.20.0.0/16'] } } }],
    }),
    expected: 'PASS',
  },
  {
    name: 'legacy Elasticsearch domain open to public source IP ranges',
    resource: loadItem('opensearch-domain/elasticsearch-public'),
    expected: 'FAIL',
    reason: 'legacy-logs has a public endpoint',
  },
  {
    name: 'legacy Elasticsearch domain in a VPC (vpcoptions, camelCase)',
    resource: loadItem('opensearch-domain/elasticsearch-public', (raw) => {
      raw.configuration.vpcoptions = { vpcid: 'vpc-0e1f2a3b4c5d6e7f8', subnetIds: ['subnet-0a1b2c3d4e5f6a7b8'] };
    }),
    expected: 'PASS',
    observed: { inVpc: true, vpcId: 'vpc-0e1f2a3b4c5d6e7f8' },
  },
  {
    name: 'empty VPCOptions is a public endpoint',
    resource: domain((c) => {
      c.VPCOptions = { SubnetIds: [], SecurityGroupIds: [] };
      c.AccessPolicies = openPolicy;
    }),
    expected: 'FAIL',
  },
  {
    name: 'public endpoint with no access policy',
    resource: publicEndpoint(''),
    expected: 'PASS',
    observed: { accessPolicy: null },
  },
  {
    name: 'configuration without the domain identity',
    resource: domain((c) => {
      delete c.VPCOptions;
      delete c.AccessPolicies;
      delete c.DomainName;
      delete c.Arn;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'access policy that is not JSON',
    resource: publicEndpoint('{"Statement": ['),
    expected: 'ERROR',
  },
]);
