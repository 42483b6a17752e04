import control from '../../controls/elb-listener-tls-enforced.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// The listener baseline is in the snapshot form (objects, PascalCase keys as Config records this type).
const listener = (edit: (configuration: Record<string, unknown>) => void) =>
  loadItem('elbv2-listener/baseline', (raw) => edit(raw.configuration));
const httpRedirect = [
  {
    Type: 'redirect',
    Order: 1,
    RedirectConfig: {
      Protocol: 'HTTPS',
      Port: '443',
      Host: '#{host}',
      Path: '/#{path}',
      Query: '#{query}',
      StatusCode: 'HTTP_301',
    },
  },
];
const loadBalancer = (scheme: string) =>
  loadItem('elbv2-load-balancer/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) => Object.assign(configuration, { scheme, type: 'network' }));
  });
const tcpListener = listener((c) => {
  c.Protocol = 'TCP';
  c.Port = 5432;
  delete c.SslPolicy;
});
// The classic baseline is in the API form: configuration is a JSON string.
// biome-ignore lint/suspicious/noExplicitAny: free-form fixture JSON edited in tests
const classic = (edit: (configuration: Record<string, any>, policies: Record<string, any>[]) => void) =>
  loadItem('elb-classic/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) =>
      editJson(raw.supplementaryConfiguration, 'LoadBalancerPolicies', (policies) => edit(configuration, policies)),
    );
  });
const plainListener = (protocol: string, port: number) => ({
  listener: { protocol, loadBalancerPort: port, instanceProtocol: protocol, instancePort: 8080 },
  policyNames: [],
});

testControl(control, [
  {
    name: 'HTTPS listener with a TLS 1.2+ policy',
    resource: loadItem('elbv2-listener/baseline'),
    expected: 'PASS',
    observed: { protocol: 'HTTPS', sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
  },
  {
    name: 'HTTPS listener on the old default policy 2016-08',
    resource: listener((c) => {
      c.SslPolicy = 'ELBSecurityPolicy-2016-08';
    }),
    expected: 'FAIL',
    reason: 'allows TLS versions below 1.2',
  },
  {
    name: 'TLS listener on a TLS 1.1 policy',
    resource: listener((c) => {
      c.Protocol = 'TLS';
      c.SslPolicy = 'ELBSecurityPolicy-TLS-1-1-2017-01';
    }),
    expected: 'FAIL',
  },
  {
    name: 'FIPS variant of the TLS 1.0 family, caught by pattern',
    resource: listener((c) => {
      c.SslPolicy = 'ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04';
    }),
    expected: 'FAIL',
  },
  {
    name: 'HTTP listener redirecting to HTTPS',
    resource: listener((c) => {
      c.Protocol = 'HTTP';
      c.Port = 80;
      delete c.SslPolicy;
      delete c.Certificates;
      c.DefaultActions = httpRedirect;
    }),
    expected: 'PASS',
    reason: 'redirects HTTP to HTTPS',
  },
  {
    name: 'HTTP listener forwarding to targets',
    resource: listener((c) => {
      c.Protocol = 'HTTP';
      c.Port = 80;
      delete c.SslPolicy;
    }),
    expected: 'FAIL',
    reason: 'serves plain HTTP',
  },
  {
    name: 'HTTP listener keeping the protocol in its redirect',
    resource: listener((c) => {
      c.Protocol = 'HTTP';
      c.DefaultActions = [
        { Type: 'redirect', RedirectConfig: { Protocol: '#{protocol}', Port: '8080', StatusCode: 'HTTP_302' } },
      ];
    }),
    expected: 'FAIL',
  },
  {
    name: 'listener recorded with camelCase keys',
    resource: loadItem('elbv2-listener/baseline', (raw) => {
      raw.configuration = { protocol: 'HTTPS', port: 443, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' };
    }),
    expected: 'PASS',
  },
  {
    name: 'HTTPS listener without a recorded policy',
    resource: listener((c) => {
      delete c.SslPolicy;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'TCP listener of an internet-facing NLB',
    resource: tcpListener,
    context: [loadBalancer('internet-facing')],
    expected: 'FAIL',
    reason: 'accepts TCP from the internet',
  },
  {
    name: 'TCP listener of an internal NLB',
    resource: tcpListener,
    context: [loadBalancer('internal')],
    expected: 'NOT_APPLICABLE',
  },
  {
    name: 'TCP listener whose load balancer is not in the inventory',
    resource: tcpListener,
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'gateway load balancer listener',
    resource: listener((c) => {
      c.Protocol = 'GENEVE';
    }),
    expected: 'NOT_APPLICABLE',
  },
  {
    name: 'classic HTTPS listener on ELBSecurityPolicy-TLS-1-2-2017-01',
    resource: loadItem('elb-classic/baseline'),
    expected: 'PASS',
    reason: 'legacy-billing serves 1 TLS listener',
  },
  {
    name: 'classic internet-facing load balancer with an HTTP listener',
    resource: classic((c) => {
      c.listenerDescriptions.push(plainListener('HTTP', 80));
    }),
    expected: 'FAIL',
    reason: 'plaintext listener HTTP:80 on an internet-facing scheme',
  },
  {
    name: 'classic internal load balancer with only a TCP listener',
    resource: classic((c) => {
      c.scheme = 'internal';
      c.listenerDescriptions = [plainListener('TCP', 5432)];
    }),
    expected: 'NOT_APPLICABLE',
  },
  {
    name: 'classic listener whose custom policy enables TLSv1',
    resource: classic((c, policies) => {
      c.listenerDescriptions[0].policyNames = ['AWSConsole-SSLNegotiationPolicy-legacy-billing-1560000000000'];
      policies.push({
        policyName: 'AWSConsole-SSLNegotiationPolicy-legacy-billing-1560000000000',
        policyTypeName: 'SSLNegotiationPolicyType',
        policyAttributeDescriptions: [
          { attributeName: 'Protocol-TLSv1', attributeValue: 'true' },
          { attributeName: 'Protocol-TLSv1.2', attributeValue: 'true' },
        ],
      });
    }),
    expected: 'FAIL',
    reason: 'allowing TLS below 1.2',
  },
  {
    name: 'classic listener whose policy references 2016-08',
    resource: classic((c, policies) => {
      c.listenerDescriptions[0].policyNames = ['custom-negotiation'];
      policies.push({
        policyName: 'custom-negotiation',
        policyTypeName: 'SSLNegotiationPolicyType',
        policyAttributeDescriptions: [
          { attributeName: 'Reference-Security-Policy', attributeValue: 'ELBSecurityPolicy-2016-08' },
        ],
      });
    }),
    expected: 'FAIL',
  },
  {
    name: 'HTTP listener without recorded default actions',
    resource: listener((c) => {
      c.Protocol = 'HTTP';
      delete c.DefaultActions;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'listener without a protocol',
    resource: listener((c) => {
      delete c.Protocol;
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded protocol',
  },
  {
    name: 'classic HTTP listener when the scheme is not recorded',
    resource: classic((c) => {
      delete c.scheme;
      c.listenerDescriptions.push(plainListener('HTTP', 80));
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'HTTP:80',
  },
  {
    name: 'classic load balancer without listener descriptions',
    resource: classic((c) => {
      delete c.listenerDescriptions;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'classic listener with a custom policy whose attributes were not recorded',
    resource: loadItem('elb-classic/baseline', (raw) => {
      editJson(raw, 'configuration', (configuration) => {
        configuration.listenerDescriptions[0].policyNames = [
          'AWSConsole-SSLNegotiationPolicy-legacy-billing-1560000000000',
        ];
      });
      delete raw.supplementaryConfiguration.LoadBalancerPolicies;
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'HTTPS:443',
  },
  {
    name: 'classic listener with a stickiness policy next to a strong negotiation policy',
    resource: classic((c, policies) => {
      c.listenerDescriptions[0].policyNames.unshift('AWSConsole-LBCookieStickinessPolicy-legacy-billing-1560000000001');
      policies.push({
        policyName: 'AWSConsole-LBCookieStickinessPolicy-legacy-billing-1560000000001',
        policyTypeName: 'LBCookieStickinessPolicyType',
        policyAttributeDescriptions: [{ attributeName: 'CookieExpirationPeriod', attributeValue: '3600' }],
      });
    }),
    expected: 'PASS',
  },
  {
    name: 'classic HTTPS listener without policy names',
    resource: classic((c) => {
      c.listenerDescriptions[0].policyNames = [];
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
