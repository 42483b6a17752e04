import type { EvaluationContext } from '../engine/evaluate/define-control.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, notApplicable, pass } from '../engine/evaluate/verdict.js';
import type { Resource, Verdict } from '../engine/types.js';
import { readBoolean, readField, readText } from '../engine/evaluate/config-fields.js';
import {
  CLASSIC_LOAD_BALANCER_TYPE,
  loadBalancerScheme,
  V2_LOAD_BALANCER_TYPE,
} from '../engine/evaluate/load-balancer-settings.js';

/**
 * Predefined ELB security policies that still negotiate TLS 1.0 or 1.1 (or
 * SSLv3): the old default 2016-08, the 2015 policies, the FS policies and the
 * classic 2011-2015 ones. TLS13-1-0/1-1 and TLS-1-0/1-1 families, including
 * their FIPS and PQ variants, are caught by WEAK_FAMILY as well.
 */
const WEAK_SSL_POLICIES: readonly string[] = [
  'ELBSecurityPolicy-2016-08',
  'ELBSecurityPolicy-2015-05',
  'ELBSecurityPolicy-2015-03',
  'ELBSecurityPolicy-2015-02',
  'ELBSecurityPolicy-2014-10',
  'ELBSecurityPolicy-2014-01',
  'ELBSecurityPolicy-2011-08',
  'ELBSecurityPolicy-TLS-1-0-2015-04',
  'ELBSecurityPolicy-TLS-1-1-2017-01',
  'ELBSecurityPolicy-FS-2018-06',
  'ELBSecurityPolicy-FS-1-1-2019-08',
  'ELBSecurityPolicy-TLS13-1-0-2021-06',
  'ELBSecurityPolicy-TLS13-1-1-2021-06',
  'ELBSample-ELBDefaultNegotiationPolicy',
  'ELBSample-OpenSSLDefaultNegotiationPolicy',
];
const WEAK_FAMILY = /-TLS(?:13)?-1-[01]-/i;
/** Classic custom-policy attributes that enable a protocol older than TLS 1.2. */
const WEAK_PROTOCOL_ATTRIBUTES = ['Protocol-SSLv2', 'Protocol-SSLv3', 'Protocol-TLSv1', 'Protocol-TLSv1.1'];

type Parameters = { weakSslPolicies: readonly string[] };

const isWeakPolicy = (name: string, parameters: Parameters): boolean =>
  parameters.weakSslPolicies.includes(name) || WEAK_FAMILY.test(name);

function judgeListener(resource: Resource, context: EvaluationContext, parameters: Parameters): Verdict {
  const name = displayName(resource);
  const configuration = resource.configuration ?? {};
  const protocol = readText(readField(configuration, 'Protocol'))?.toUpperCase() ?? null;
  const sslPolicy = readText(readField(configuration, 'SslPolicy'));
  const port = readField(configuration, 'Port') ?? null;
  const observed: Record<string, unknown> = { protocol, port, sslPolicy };
  if (protocol === 'HTTPS' || protocol === 'TLS') {
    if (sslPolicy === null) return insufficientData(`Listener ${name} has no recorded SslPolicy.`, observed);
    return isWeakPolicy(sslPolicy, parameters)
      ? fail(`Listener ${name} uses ${sslPolicy}, which allows TLS versions below 1.2.`, observed)
      : pass(`Listener ${name} serves ${protocol} with ${sslPolicy}.`, observed);
  }
  if (protocol === 'HTTP') {
    const actions = readField(configuration, 'DefaultActions');
    if (!Array.isArray(actions)) return insufficientData(`Listener ${name} has no recorded DefaultActions.`, observed);
    const redirect = actions.find(
      (action) =>
        readText(readField(action, 'Type'))?.toLowerCase() === 'redirect' &&
        readText(readField(readField(action, 'RedirectConfig'), 'Protocol'))?.toUpperCase() === 'HTTPS',
    );
    observed.defaultActions = actions.map((action) => readText(readField(action, 'Type')));
    return redirect
      ? pass(`Listener ${name} redirects HTTP to HTTPS.`, observed)
      : fail(`Listener ${name} serves plain HTTP without redirecting to HTTPS.`, observed);
  }
  if (protocol === 'TCP' || protocol === 'UDP' || protocol === 'TCP_UDP') {
    const arn = readText(readField(configuration, 'LoadBalancerArn'));
    const loadBalancer = arn ? context.find(V2_LOAD_BALANCER_TYPE, arn) : undefined;
    const scheme = loadBalancerScheme(loadBalancer?.configuration);
    observed.scheme = scheme;
    if (scheme === null) {
      return insufficientData(
        `Listener ${name} is a ${protocol} listener of a load balancer whose scheme is not recorded.`,
        observed,
      );
    }
    // Layer-4 listeners pass payloads through; only exposure to the internet is judged.
    return scheme === 'internal'
      ? notApplicable(`Listener ${name} is a ${protocol} listener of an internal load balancer.`, observed)
      : fail(`Listener ${name} accepts ${protocol} from the internet without TLS termination.`, observed);
  }
  if (protocol === 'GENEVE') return notApplicable(`Listener ${name} is a gateway (GENEVE) listener.`, observed);
  return insufficientData(
    protocol === null
      ? `Listener ${name} has no recorded protocol.`
      : `Listener ${name} has protocol ${protocol}, which this control does not know.`,
    observed,
  );
}

/**
 * Whether a classic listener's SSL negotiation policy allows old protocols;
 * null when no negotiation policy can be read. A listener's policy names also
 * include stickiness policies, which are skipped once their type is known.
 */
function classicPolicyIsWeak(policyNames: string[], policies: unknown, parameters: Parameters): boolean | null {
  const described = Array.isArray(policies) ? policies : [];
  let negotiationPolicies = 0;
  let undescribed = false;
  for (const policyName of policyNames) {
    if (isWeakPolicy(policyName, parameters)) return true;
    const policy = described.find((entry) => readText(readField(entry, 'policyName')) === policyName);
    if (policy === undefined) {
      // A predefined policy is known by its name; a custom one needs its attributes.
      if (policyName.startsWith('ELBSecurityPolicy-')) negotiationPolicies++;
      else undescribed = true;
      continue;
    }
    const type = readText(readField(policy, 'policyTypeName'));
    if (type !== null && type !== 'SSLNegotiationPolicyType') continue;
    negotiationPolicies++;
    const attributes = readField(policy, 'policyAttributeDescriptions');
    const weak = (Array.isArray(attributes) ? attributes : []).some((attribute) => {
      const key = readText(readField(attribute, 'attributeName'));
      const value = readText(readField(attribute, 'attributeValue'));
      if (key === 'Reference-Security-Policy') return value !== null && isWeakPolicy(value, parameters);
      return key !== null && WEAK_PROTOCOL_ATTRIBUTES.includes(key) && readBoolean(value) === true;
    });
    if (weak) return true;
  }
  return undescribed || negotiationPolicies === 0 ? null : false;
}

function judgeClassic(resource: Resource, parameters: Parameters): Verdict {
  const name = displayName(resource);
  const configuration = resource.configuration ?? {};
  const scheme = loadBalancerScheme(configuration);
  const descriptions = configuration.listenerDescriptions;
  if (!Array.isArray(descriptions)) return insufficientData(`Classic load balancer ${name} has no recorded listeners.`);
  const plaintext: string[] = [];
  const weak: string[] = [];
  const unknown: string[] = [];
  let tlsListeners = 0;
  for (const description of descriptions) {
    const listener = readField(description, 'listener');
    const protocol = readText(readField(listener, 'protocol'))?.toUpperCase() ?? 'unknown';
    const label = `${protocol}:${String(readField(listener, 'loadBalancerPort') ?? '?')}`;
    const policyNamesValue = readField(description, 'policyNames');
    const policyNames = Array.isArray(policyNamesValue)
      ? policyNamesValue.filter((p): p is string => typeof p === 'string')
      : [];
    if (protocol === 'HTTPS' || protocol === 'SSL') {
      tlsListeners++;
      const isWeak = classicPolicyIsWeak(policyNames, resource.supplementary.LoadBalancerPolicies, parameters);
      if (isWeak === null) unknown.push(label);
      else if (isWeak) weak.push(`${label} (${policyNames.join(', ')})`);
    } else if (protocol === 'HTTP' || protocol === 'TCP') {
      if (scheme === null) unknown.push(label);
      else if (scheme !== 'internal') plaintext.push(label);
    } else unknown.push(label);
  }
  const observed = { scheme, plaintextListeners: plaintext, weakPolicyListeners: weak, undeterminedListeners: unknown };
  if (plaintext.length > 0 || weak.length > 0) {
    const problems = [
      plaintext.length > 0 ? `plaintext listener ${plaintext.join(', ')} on an internet-facing scheme` : '',
      weak.length > 0 ? `listener ${weak.join(', ')} allowing TLS below 1.2` : '',
    ].filter(Boolean);
    return fail(`Classic load balancer ${name} has ${problems.join(' and ')}.`, observed);
  }
  if (unknown.length > 0) {
    return insufficientData(
      `Classic load balancer ${name} has listener ${unknown.join(', ')} whose protocol, policy or scheme is not recorded.`,
      observed,
    );
  }
  if (tlsListeners === 0)
    return notApplicable(`Classic load balancer ${name} is internal and has no TLS listeners.`, observed);
  return pass(`Classic load balancer ${name} serves ${tlsListeners} TLS listener(s) with TLS 1.2+ policies.`, observed);
}

export default defineControl({
  id: 'elb-listener-tls-enforced',
  title: 'Load balancer listeners use TLS 1.2+ or redirect HTTP to HTTPS',
  service: 'elb',
  severity: 'high',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener', CLASSIC_LOAD_BALANCER_TYPE],
  uses: [V2_LOAD_BALANCER_TYPE],
  description:
    'ELBv2 listeners are HTTPS/TLS with a security policy that refuses TLS below 1.2, or HTTP whose default action redirects to HTTPS; TCP/UDP listeners fail on internet-facing load balancers. Classic load balancers fail on HTTP/TCP listeners of an internet-facing scheme and on weak SSL policies.',
  rationale:
    'Plain HTTP or TLS 1.0/1.1 lets anyone on the path read or alter requests, including credentials and session cookies; HIPAA transmission security and PCI-style audits reject both.',
  remediation: {
    guidance:
      'Add an HTTPS listener and change the HTTP default action to redirect: aws elbv2 modify-listener --listener-arn <arn> --default-actions Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}; set --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06 on HTTPS listeners.',
  },
  references: {
    awsConfigRule: 'ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK',
    securityHub: 'ELB.1',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/alb-http-to-https-redirection-check.html',
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html',
    ],
  },
  parameters: { weakSslPolicies: WEAK_SSL_POLICIES },
  evaluate: ({ resource, context, parameters }) =>
    resource.resourceType === CLASSIC_LOAD_BALANCER_TYPE
      ? judgeClassic(resource, parameters)
      : judgeListener(resource, context, parameters),
});
