import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readField, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'apigateway-stage-access-logging-enabled',
  title: 'API Gateway stage has access logging enabled',
  service: 'apigateway',
  severity: 'medium',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'],
  description:
    'REST API stages (AWS::ApiGateway::Stage) and HTTP/WebSocket API stages (AWS::ApiGatewayV2::Stage) have accessLogSettings.destinationArn set (read in either key casing). GetStage omits the settings when logging is off.',
  rationale:
    'Access logs record each caller, route and status of a public API; without them abuse, credential stuffing or data scraping through the API cannot be investigated and audit-logging evidence is missing.',
  remediation: {
    guidance:
      'REST: aws apigateway update-stage --rest-api-id <id> --stage-name <stage> --patch-operations op=replace,path=/accessLogSettings/destinationArn,value=<log-group-arn>; HTTP/WebSocket: aws apigatewayv2 update-stage --api-id <id> --stage-name <stage> --access-log-settings DestinationArn=<arn>,Format=<format>.',
  },
  references: {
    // API_GWV2_ACCESS_LOGS_ENABLED is the same check for AWS::ApiGatewayV2::Stage.
    awsConfigRule: 'APIGATEWAY_STAGE_ACCESS_LOGS_ENABLED',
    securityHub: 'APIGateway.9',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/apigateway-stage-access-logs-enabled.html',
      'https://docs.aws.amazon.com/config/latest/developerguide/api-gwv2-access-logs-enabled.html',
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html',
    ],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const configuration = resource.configuration ?? {};
    const kind = resource.resourceType === 'AWS::ApiGatewayV2::Stage' ? 'API Gateway v2 stage' : 'API Gateway stage';
    // A configuration without its stage name is a partial item, not a stage without logs.
    if (readText(readField(configuration, 'stageName')) === null) {
      return insufficientData(`${kind} ${name} has no recorded stage configuration.`);
    }
    const settings = readField(configuration, 'accessLogSettings');
    const destinationArn = readText(readField(settings, 'destinationArn'));
    const observed = { destinationArn, format: readText(readField(settings, 'format')) };
    return destinationArn
      ? pass(`${kind} ${name} sends access logs to ${destinationArn}.`, observed)
      : fail(`${kind} ${name} has access logging disabled.`, observed);
  },
});
