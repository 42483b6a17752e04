/**
 * Account-level facts AWS Config does not record: IAM's account summary,
 * password policy, credential report and virtual MFA devices, the account's
 * S3 Block Public Access, and per region the Config recorders, GuardDuty,
 * Security Hub, EBS default encryption, KMS rotation and CloudTrail status.
 * Every fact is collected on its own: a failed call leaves that fact absent
 * (not collected) and records why; `null` is kept for "AWS says there is none".
 */
import { GetEventSelectorsCommand, GetTrailStatusCommand, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import {
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import { GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { GetDetectorCommand, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import {
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { DescribeHubCommand } from '@aws-sdk/client-securityhub';
import type { AccountFactsRecord, PasswordPolicy, RegionalFacts } from '../normalize/account-facts.js';
import { type AwsCaller, CollectorCallError } from './caller.js';
import { fetchCredentialReport } from './credential-report.js';

type TrailFacts = NonNullable<AccountFactsRecord['cloudTrail']>[string];

/** Codes by which AWS answers "there is none" rather than failing (wire code and SDK class name). */
const NONE = {
  passwordPolicy: new Set(['NoSuchEntity', 'NoSuchEntityException']),
  publicAccessBlock: new Set(['NoSuchPublicAccessBlockConfiguration']),
};

/** Runs `work`; the answer "there is none" (one of `codes`) becomes null, any other failure is rethrown. */
async function orNone<T>(codes: ReadonlySet<string>, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CollectorCallError && codes.has(error.code)) return null;
    throw error;
  }
}

/** Drops the SDK's `$metadata` and undefined members, so a fact holds only what AWS said. */
const plain = <T extends object>(value: T): Omit<T, '$metadata'> => {
  const { $metadata: _metadata, ...rest } = value as T & { $metadata?: unknown };
  return JSON.parse(JSON.stringify(rest)) as Omit<T, '$metadata'>;
};

/**
 * The IAM and S3 account facts, asked in the home region.
 *
 * @example
 * const { iam, s3 } = await collectAccountLevelFacts(caller, 'us-east-1', '111122223333');
 */
export async function collectAccountLevelFacts(
  caller: AwsCaller,
  region: string,
  accountId: string,
): Promise<Pick<AccountFactsRecord, 'iam' | 's3'>> {
  const iam: NonNullable<AccountFactsRecord['iam']> = {};
  const s3: NonNullable<AccountFactsRecord['s3']> = {};
  const [summary, passwordPolicy, credentialReport, devices, block] = await Promise.all([
    caller.fact(async () => (await caller.send(region, new GetAccountSummaryCommand({}))).SummaryMap ?? {}),
    caller.fact(() =>
      orNone(NONE.passwordPolicy, async () => {
        const { PasswordPolicy: policy } = await caller.send(region, new GetAccountPasswordPolicyCommand({}));
        return plain(policy ?? {}) as PasswordPolicy;
      }),
    ),
    caller.fact(() => fetchCredentialReport(caller, region)),
    caller.fact(() => listVirtualMfaDevices(caller, region)),
    caller.fact(() =>
      orNone(NONE.publicAccessBlock, async () => {
        const result = await caller.send(region, new GetPublicAccessBlockCommand({ AccountId: accountId }));
        return plain(result.PublicAccessBlockConfiguration ?? {}) as Record<string, boolean>;
      }),
    ),
  ]);
  if (summary !== undefined) iam.accountSummary = summary;
  if (passwordPolicy !== undefined) iam.passwordPolicy = passwordPolicy;
  if (credentialReport !== undefined) iam.credentialReport = credentialReport;
  if (devices !== undefined) iam.virtualMfaDevices = devices;
  if (block !== undefined) s3.accountPublicAccessBlock = block;
  return { iam, s3 };
}

/** Every virtual MFA device, assigned or not, keeping only who it belongs to: never a seed or QR code. */
async function listVirtualMfaDevices(caller: AwsCaller, region: string) {
  const devices: NonNullable<NonNullable<AccountFactsRecord['iam']>['virtualMfaDevices']> = [];
  let marker: string | undefined;
  do {
    const page = await caller.send(
      region,
      new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Any', ...(marker ? { Marker: marker } : {}) }),
    );
    for (const device of page.VirtualMFADevices ?? []) {
      if (!device.SerialNumber) continue;
      const entry: { SerialNumber: string; User?: Record<string, string>; EnableDate?: string } = {
        SerialNumber: device.SerialNumber,
      };
      if (device.User)
        entry.User = plain({
          Arn: device.User.Arn,
          UserName: device.User.UserName,
          UserId: device.User.UserId,
        }) as Record<string, string>;
      if (device.EnableDate) entry.EnableDate = device.EnableDate.toISOString();
      devices.push(entry);
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return devices;
}

/**
 * The region's Config recorders, their status and delivery channels: the
 * recording facts decide what the inventory can hold and where to fall back.
 *
 * @example
 * const facts = await collectRecorderFacts(caller, 'eu-west-1'); // { configRecorders: [...], configRecorderStatus: [...], ... }
 */
export async function collectRecorderFacts(caller: AwsCaller, region: string): Promise<RegionalFacts> {
  const facts: RegionalFacts = {};
  const [recorders, statuses, channels] = await Promise.all([
    caller.fact(
      async () =>
        (await caller.send(region, new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders ?? [],
    ),
    caller.fact(
      async () =>
        (await caller.send(region, new DescribeConfigurationRecorderStatusCommand({}))).ConfigurationRecordersStatus ??
        [],
    ),
    caller.fact(
      async () => (await caller.send(region, new DescribeDeliveryChannelsCommand({}))).DeliveryChannels ?? [],
    ),
  ]);
  if (recorders !== undefined) facts.configRecorders = recorders.map((recorder) => plain(recorder));
  if (statuses !== undefined) facts.configRecorderStatus = statuses.map((status) => plain(status));
  if (channels !== undefined) facts.deliveryChannels = channels.map((channel) => plain(channel));
  return facts;
}

/**
 * GuardDuty, Security Hub and EBS default encryption in one region, added to `facts`.
 *
 * @example
 * await collectRegionalServiceFacts(caller, 'eu-west-1', facts);
 */
export async function collectRegionalServiceFacts(
  caller: AwsCaller,
  region: string,
  facts: RegionalFacts,
): Promise<void> {
  const [detectors, securityHub, ebs] = await Promise.all([
    caller.fact(() => listGuardDutyDetectors(caller, region)),
    caller.fact(async () => {
      try {
        await caller.send(region, new DescribeHubCommand({}));
        return true;
      } catch (error) {
        // Security Hub answers a disabled account with InvalidAccessException "... not subscribed to AWS Security Hub".
        if (error instanceof CollectorCallError && /not subscribed/i.test(error.record.message)) return false;
        throw error;
      }
    }),
    caller.fact(
      async () => (await caller.send(region, new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault,
    ),
  ]);
  if (detectors !== undefined) facts.guardDutyDetectors = detectors;
  if (securityHub !== undefined) facts.securityHubEnabled = securityHub;
  if (typeof ebs === 'boolean') facts.ebsEncryptionByDefault = ebs;
}

/** Detectors with their status; one unreadable detector makes the whole list unknown rather than short. */
async function listGuardDutyDetectors(caller: AwsCaller, region: string) {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await caller.send(region, new ListDetectorsCommand({ ...(token ? { NextToken: token } : {}) }));
    ids.push(...(page.DetectorIds ?? []));
    token = page.NextToken || undefined;
  } while (token);
  return Promise.all(
    ids.map(async (detectorId) => {
      const detector = await caller.send(region, new GetDetectorCommand({ DetectorId: detectorId }));
      return { detectorId, status: detector.Status ?? 'UNKNOWN' };
    }),
  );
}

/**
 * GetKeyRotationStatus for the keys whose Config item lacks KeyRotationStatus.
 *
 * @example
 * await collectKeyRotation(caller, 'eu-west-1', ['7c1e2b9a-...']) // { '7c1e2b9a-...': true }
 */
export async function collectKeyRotation(
  caller: AwsCaller,
  region: string,
  keyIds: Iterable<string>,
): Promise<Record<string, boolean>> {
  const rotation: Record<string, boolean> = {};
  await Promise.all(
    [...keyIds].map(async (keyId) => {
      const status = await caller.fact(() => caller.send(region, new GetKeyRotationStatusCommand({ KeyId: keyId })));
      if (typeof status?.KeyRotationEnabled === 'boolean') rotation[keyId] = status.KeyRotationEnabled;
    }),
  );
  return rotation;
}

/**
 * The region's trails with their logging status and event selectors, by ARN.
 * Each trail is read once: in its home region, or, when the home region is
 * not collected, in the first region that shows it (a shadow trail).
 * Returns undefined when the trails could not be listed.
 *
 * @example
 * await collectTrailFacts(caller, 'us-east-1', new Set(['us-east-1']), new Set()) // { 'arn:aws:cloudtrail:...': { isLogging: true, ... } }
 */
export async function collectTrailFacts(
  caller: AwsCaller,
  region: string,
  collectedRegions: ReadonlySet<string>,
  claimed: Set<string>,
): Promise<Record<string, TrailFacts> | undefined> {
  const listed = await caller.fact(() => caller.send(region, new DescribeTrailsCommand({ includeShadowTrails: true })));
  if (!listed) return undefined;
  const trails: Record<string, TrailFacts> = {};
  await Promise.all(
    (listed.trailList ?? []).map(async (trail) => {
      const arn = trail.TrailARN;
      const home = trail.HomeRegion ?? region;
      if (!arn || (home !== region && collectedRegions.has(home)) || claimed.has(arn)) return;
      claimed.add(arn);
      const facts: TrailFacts = {};
      trails[arn] = facts;
      const [status, selectors] = await Promise.all([
        caller.fact(() => caller.send(region, new GetTrailStatusCommand({ Name: arn }))),
        caller.fact(() => caller.send(region, new GetEventSelectorsCommand({ TrailName: arn }))),
      ]);
      if (typeof status?.IsLogging === 'boolean') facts.isLogging = status.IsLogging;
      if (selectors?.AdvancedEventSelectors && selectors.AdvancedEventSelectors.length > 0) {
        facts.advancedEventSelectors = selectors.AdvancedEventSelectors.map((selector) => plain(selector));
      } else if (selectors) {
        facts.eventSelectors = (selectors.EventSelectors ?? []).map((selector) => plain(selector));
      }
    }),
  );
  return trails;
}
