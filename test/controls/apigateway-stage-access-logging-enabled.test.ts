import control from '../../controls/apigateway-stage-access-logging-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// The REST stage baseline is in the API form; the v2 baseline in the snapshot form.
const editRestStage = (edit: (configuration: Record<string, unknown>) => void) =>
  loadItem('apigateway-stage/baseline', (raw) => editJson(raw, 'configuration', edit));

testControl(control, [
  {
    name: 'REST stage logging to CloudWatch Logs',
    resource: loadItem('apigateway-stage/baseline'),
    expected: 'PASS',
    reason: 'API Gateway stage prod sends access logs',
  },
  {
    name: 'REST stage without access log settings',
    resource: editRestStage((c) => {
      delete c.accessLogSettings;
    }),
    expected: 'FAIL',
    reason: 'prod has access logging disabled',
  },
  {
    name: 'REST stage with an empty destination',
    resource: editRestStage((c) => {
      c.accessLogSettings = { format: null, destinationArn: null };
    }),
    expected: 'FAIL',
  },
  {
    name: 'HTTP API stage logging (camelCase, as the Config schema lists it)',
    resource: loadItem('apigatewayv2-stage/baseline'),
    expected: 'PASS',
    reason: 'API Gateway v2 stage $default',
  },
  {
    name: 'HTTP API stage recorded with PascalCase keys',
    resource: loadItem('apigatewayv2-stage/baseline', (raw) => {
      const { accessLogSettings, stageName } = raw.configuration;
      raw.configuration = {
        StageName: stageName,
        AccessLogSettings: { DestinationArn: accessLogSettings.destinationArn, Format: accessLogSettings.format },
      };
    }),
    expected: 'PASS',
  },
  {
    name: 'HTTP API stage without access logging',
    resource: loadItem('apigatewayv2-stage/baseline', (raw) => {
      delete raw.configuration.accessLogSettings;
    }),
    expected: 'FAIL',
  },
  {
    name: 'partial item without the stage name',
    resource: loadItem('apigatewayv2-stage/baseline', (raw) => {
      raw.configuration = { tags: {} };
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
