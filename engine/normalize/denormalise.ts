/**
 * The inverse of the normaliser: a Resource written back as a record the
 * reader accepts (a snapshot-form configuration item, or an accountFacts
 * record). The bundle's population file is made of these, so the population
 * an audit judged is itself a valid `--input` that reproduces its findings.
 */
import type { Resource } from '../types.js';
import { ACCOUNT_RESOURCE_TYPE } from './account-facts.js';

/**
 * @example
 * normaliseRecord(toInventoryRecord(resource), 'x') // yields an equal resource
 */
export function toInventoryRecord(resource: Resource): Record<string, unknown> {
  if (resource.resourceType === ACCOUNT_RESOURCE_TYPE && resource.source === 'account-facts') {
    return {
      inventoryRecord: 'accountFacts',
      accountId: resource.accountId,
      capturedAt: resource.captureTime ?? '',
      ...(resource.configuration ?? {}),
    };
  }
  return {
    configurationItemVersion: '1.3',
    awsAccountId: resource.accountId,
    configurationItemCaptureTime: resource.captureTime,
    configurationItemStatus: resource.status,
    ARN: resource.arn,
    resourceType: resource.resourceType,
    resourceId: resource.resourceId,
    resourceName: resource.resourceName,
    awsRegion: resource.region,
    availabilityZone: resource.availabilityZone,
    tags: resource.tags,
    relationships: resource.relationships,
    configuration: resource.configuration,
    supplementaryConfiguration: resource.supplementary,
  };
}
