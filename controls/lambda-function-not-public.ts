import { defineControl } from '../engine/evaluate/define-control.js';
import { exposureObserved, readPolicyExposure } from '../engine/evaluate/resource-policy.js';
import { displayName, fail, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'lambda-function-not-public',
  title: 'Lambda function policy does not let everyone invoke the function',
  service: 'lambda',
  severity: 'critical',
  resourceTypes: ['AWS::Lambda::Function'],
  description:
    'No Allow statement of the function policy grants a public principal unless aws:SourceArn, aws:SourceAccount or another fixed source pins it; lambda:FunctionUrlAuthType is not a pin (NONE is how a URL goes public). Service principals with no source condition fail too when flagUnpinnedServicePrincipals is on.',
  rationale:
    'A public function can be invoked by anyone: it runs with its execution role, can reach private data and networks, and each call costs money. A service principal without SourceArn lets any account point its own bucket or API at it.',
  parameters: { flagUnpinnedServicePrincipals: true },
  remediation: {
    guidance:
      'Lambda console → Functions → <function> → Configuration → Permissions → Resource-based policy statements: delete the public statement, or re-add it with --source-arn / --source-account; for a public URL set Auth type AWS_IAM; e.g. aws lambda remove-permission --function-name <fn> --statement-id <sid>.',
  },
  references: {
    awsConfigRule: 'LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED',
    securityHub: 'Lambda.1',
    urls: [
      'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
      'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
    ],
  },
  evaluate: ({ resource, parameters }) => {
    const name = displayName(resource);
    const read = readPolicyExposure({
      resource,
      policy: resource.supplementary.Policy,
      field: 'Policy',
      subject: `Lambda function ${name}`,
      policyName: 'resource policy',
      // Config records Policy only when the function has one (GetPolicy answers ResourceNotFoundException otherwise).
      whenAbsent: () => pass(`Lambda function ${name} has no resource-based policy.`, { policy: null }),
    });
    if (!read.ok) return read.verdict;
    const { exposure } = read;
    const publicUrl = exposure.public.some((statement) =>
      Object.values(statement.condition).some((keys) =>
        (keys['lambda:functionurlauthtype'] ?? []).some((value) => value.toUpperCase() === 'NONE'),
      ),
    );
    const observed = { ...exposureObserved(exposure), publicFunctionUrl: publicUrl };
    if (exposure.public.length > 0) {
      const sids = exposure.public.map((s) => s.statement).join(', ');
      const what = publicUrl ? 'a function URL with auth type NONE open to everyone' : 'access to everyone';
      return fail(`Lambda function ${name} has a resource policy granting ${what} (statements ${sids}).`, observed);
    }
    if (parameters.flagUnpinnedServicePrincipals && exposure.unpinnedService.length > 0) {
      const detail = exposure.unpinnedService.map((s) => `${s.statement}: ${s.principals.join(', ')}`).join('; ');
      return fail(
        `Lambda function ${name} lets service principals invoke it with no aws:SourceArn or aws:SourceAccount condition (${detail}).`,
        observed,
      );
    }
    return pass(`Lambda function ${name} has a resource policy with no public statement.`, observed);
  },
});
