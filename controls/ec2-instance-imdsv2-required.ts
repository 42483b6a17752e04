import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, notApplicable, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';
import { readField, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'ec2-instance-imdsv2-required',
  title: 'EC2 instance requires IMDSv2 session tokens for instance metadata',
  service: 'ec2',
  severity: 'high',
  resourceTypes: ['AWS::EC2::Instance'],
  description:
    'metadataOptions.httpTokens is "required", so the instance metadata service answers only token-bearing (IMDSv2) requests; an instance whose metadata endpoint is disabled also passes. Terminated instances are not applicable.',
  rationale:
    'IMDSv1 answers any GET, so a server-side request forgery in the workload hands the instance role credentials to an attacker (the Capital One breach pattern). Requiring tokens blocks that path.',
  remediation: {
    guidance:
      'aws ec2 modify-instance-metadata-options --instance-id <id> --http-tokens required --http-endpoint enabled, or EC2 console > Instances > <instance> > Actions > Instance settings > Modify instance metadata options > IMDSv2 Required.',
  },
  references: {
    awsConfigRule: 'EC2_IMDSV2_CHECK',
    securityHub: 'EC2.8',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/ec2-imdsv2-check.html',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
    ],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const configuration = resource.configuration ?? {};
    const state = readText(readField(configuration.state, 'name'));
    if (state === 'terminated') return notApplicable(`EC2 instance ${name} is terminated.`, { state });
    const options = configuration.metadataOptions;
    if (!isRecord(options)) return insufficientData(`EC2 instance ${name} has no recorded metadataOptions.`, { state });
    const httpTokens = readText(options.httpTokens)?.toLowerCase() ?? null;
    const httpEndpoint = readText(options.httpEndpoint)?.toLowerCase() ?? null;
    const observed = {
      state,
      httpTokens,
      httpEndpoint,
      httpPutResponseHopLimit: options.httpPutResponseHopLimit ?? null,
    };
    if (httpEndpoint === 'disabled') {
      return pass(`EC2 instance ${name} has the instance metadata endpoint disabled.`, observed);
    }
    if (httpTokens === null)
      return insufficientData(`EC2 instance ${name} has no recorded metadataOptions.httpTokens.`, observed);
    return httpTokens === 'required'
      ? pass(`EC2 instance ${name} requires IMDSv2 tokens.`, observed)
      : fail(`EC2 instance ${name} allows IMDSv1 (httpTokens is ${httpTokens}).`, observed);
  },
});
