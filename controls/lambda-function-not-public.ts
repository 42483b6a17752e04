import { defineControl } from '../engine/evaluate/define-control.js';
import { decodeErrorFor, evaluateResourcePolicyExposure } from '../engine/evaluate/resource-policy.js';
import { displayName, error, fail, pass } from '../engine/evaluate/verdict.js';

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
    const policy = resource.supplementary.Policy;
    const unreadable = decodeErrorFor(resource, 'Policy');
    if (unreadable)
      return error(`Lambda function ${name} has a resource policy that cannot be decoded: ${unreadable}.`);
    // Config records Policy only when the function has one (GetPolicy answers ResourceNotFoundException otherwise).
    if (policy === undefined || policy === null || policy === '') {
      return pass(`Lambda function ${name} has no resource-based policy.`, { policy: null });
    }
    const exposure = evaluateResourcePolicyExposure(policy, { ownerAccountId: resource.accountId });
    if (!exposure.ok)
      return error(`Lambda function ${name} has a resource policy that cannot be read: ${exposure.error}.`);
    const publicUrl = exposure.public.some((statement) =>
      Object.values(statement.condition).some((keys) =>
        (keys['lambda:functionurlauthtype'] ?? []).some((value) => value.toUpperCase() === 'NONE'),
      ),
    );
    const observed = {
      statementCount: exposure.statementCount,
      publicStatements: exposure.public,
      serviceStatementsWithoutSourceCondition: exposure.unpinnedService,
      crossAccountStatements: exposure.crossAccount,
      publicFunctionUrl: publicUrl,
    };
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
