/**
 * Builders for security-group items, shared by the network engine and
 * control tests.
 */
import type { Resource } from '../../engine/types.js';
import { editJson, loadItem } from './fixtures.js';

/**
 * The baseline security group (snapshot form) with one more inbound
 * permission; the lists Config always records default to empty.
 *
 * @example
 * securityGroupWithIngress({ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: ['0.0.0.0/0'] })
 */
export const securityGroupWithIngress = (permission: Record<string, unknown>): Resource =>
  loadItem('ec2-security-group/baseline', (raw) => {
    raw.configuration.ipPermissions.push({
      prefixListIds: [],
      userIdGroupPairs: [],
      ipv6Ranges: [],
      ipv4Ranges: [],
      ipRanges: [],
      ...permission,
    });
  });

/** The baseline security group with its inbound permissions replaced (undefined: not recorded). */
export const securityGroupWithPermissions = (ipPermissions: unknown): Resource =>
  loadItem('ec2-security-group/baseline', (raw) =>
    editJson(raw, 'configuration', (configuration) => {
      configuration.ipPermissions = ipPermissions;
    }),
  );
