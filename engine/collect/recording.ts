/**
 * What AWS Config records, region by region, read from the recorder facts
 * (DescribeConfigurationRecorders and ...Status): which of the types the
 * controls need each region's inventory can hold, where the global IAM types
 * are recorded, and where the collector must fall back to the service APIs.
 */
import type { CollectionError, RegionalFacts } from '../normalize/account-facts.js';
import { isRecord } from '../normalize/decode.js';

export const S3_BUCKET_TYPE = 'AWS::S3::Bucket';
export const IAM_TYPES = ['AWS::IAM::User', 'AWS::IAM::Role', 'AWS::IAM::Group', 'AWS::IAM::Policy'] as const;
export type IamType = (typeof IAM_TYPES)[number];

/**
 * Config records IAM resources once per account, with awsRegion "global", in a region that opts in.
 *
 * @example
 * isGlobalType('AWS::IAM::Role') // true
 */
export const isGlobalType = (type: string): boolean => type.startsWith('AWS::IAM::');

export type RecorderState = 'recording' | 'none' | 'stopped' | 'unknown';

export interface RegionRecording {
  region: string;
  state: RecorderState;
  /** Whether the region's recorders record `type`; true for every type when the state is unknown. */
  records(type: string): boolean;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The types one recording recorder covers, following its recording group and strategy. */
function recorderCovers(group: Record<string, unknown>, type: string): boolean {
  const strategy = isRecord(group.recordingStrategy) ? group.recordingStrategy.useOnly : undefined;
  if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES') {
    const exclusions = isRecord(group.exclusionByResourceTypes) ? group.exclusionByResourceTypes.resourceTypes : [];
    return !strings(exclusions).includes(type);
  }
  if (strategy === 'INCLUSION_BY_RESOURCE_TYPES' || (group.allSupported !== true && strategy === undefined)) {
    return strings(group.resourceTypes).includes(type);
  }
  // allSupported (or ALL_SUPPORTED_RESOURCE_TYPES) records the IAM types only where includeGlobalResourceTypes is set.
  return isGlobalType(type) ? group.includeGlobalResourceTypes === true : true;
}

/**
 * Reads one region's recorder facts. Facts that were not collected leave the
 * state unknown: the collector then queries Config as usual and falls back nowhere.
 *
 * @example
 * regionRecording('us-west-2', { configRecorders: [], configRecorderStatus: [] }).state // 'none'
 */
export function regionRecording(region: string, facts: RegionalFacts): RegionRecording {
  const recorders = facts.configRecorders;
  const statuses = facts.configRecorderStatus;
  if (!Array.isArray(recorders) || !Array.isArray(statuses)) return { region, state: 'unknown', records: () => true };
  // Service-linked recorders (recordingScope INTERNAL) record for one AWS service, not for the account's inventory.
  const customer = recorders.filter(isRecord).filter((recorder) => recorder.recordingScope !== 'INTERNAL');
  if (customer.length === 0) return { region, state: 'none', records: () => false };
  const recording = customer.filter((recorder) =>
    statuses.some((status) => isRecord(status) && status.name === recorder.name && status.recording === true),
  );
  if (recording.length === 0) return { region, state: 'stopped', records: () => false };
  return {
    region,
    state: 'recording',
    records: (type) =>
      recording.some((recorder) =>
        recorderCovers(isRecord(recorder.recordingGroup) ? recorder.recordingGroup : {}, type),
      ),
  };
}

export interface CollectionPlan {
  /** Per region, the types to ask Config for. */
  queryTypes: Map<string, string[]>;
  /** Regions whose S3 buckets come from the S3 API. */
  s3FallbackRegions: Set<string>;
  /** IAM types that come from GetAccountAuthorizationDetails. */
  iamFallbackTypes: Set<IamType>;
  /** The Config gaps, as collection errors (no permission: nothing was denied). */
  gaps: CollectionError[];
}

/**
 * Decides, from every region's recording, what to query where and what to
 * collect through the service APIs. The IAM types are queried in one region
 * only (the first that records them), since every region that records them
 * holds the same account-wide items.
 *
 * @example
 * const plan = planCollection(recordings, types);
 * plan.s3FallbackRegions.has('us-west-2') // true when Config does not record buckets there
 */
export function planCollection(recordings: readonly RegionRecording[], types: readonly string[]): CollectionPlan {
  const queryTypes = new Map<string, string[]>();
  const s3FallbackRegions = new Set<string>();
  const gaps: CollectionError[] = [];
  const globalRegion = new Map<string, string>();
  for (const type of types.filter(isGlobalType)) {
    const known = recordings.find((recording) => recording.state === 'recording' && recording.records(type));
    const unknown = recordings.find((recording) => recording.state === 'unknown');
    const region = (known ?? unknown)?.region;
    if (region) globalRegion.set(type, region);
  }
  const iamFallbackTypes = new Set<IamType>(
    IAM_TYPES.filter((type) => types.includes(type) && !globalRegion.has(type)),
  );

  for (const recording of recordings) {
    const { region, state } = recording;
    const regional = types.filter((type) => !isGlobalType(type));
    const wanted = [...regional, ...types.filter((type) => globalRegion.get(type) === region)];
    // A stopped recorder still answers queries with its last recorded state: stale, but the only record there is.
    queryTypes.set(
      region,
      state === 'none' ? [] : wanted.filter((type) => state !== 'recording' || recording.records(type)),
    );
    const s3Gap = state !== 'unknown' && !recording.records(S3_BUCKET_TYPE) && types.includes(S3_BUCKET_TYPE);
    if (s3Gap) {
      s3FallbackRegions.add(region);
      queryTypes.set(
        region,
        (queryTypes.get(region) ?? []).filter((type) => type !== S3_BUCKET_TYPE),
      );
    }
    const fallbackNote = s3Gap ? ' S3 buckets there were collected through the S3 API.' : '';
    if (state === 'none' || state === 'stopped') {
      gaps.push({
        service: 'config',
        operation: 'DescribeConfigurationRecorders',
        region,
        code: state === 'none' ? 'NoConfigurationRecorder' : 'ConfigurationRecorderStopped',
        message:
          state === 'none'
            ? `AWS Config has no configuration recorder in ${region}: its resources are not in the inventory.${fallbackNote}`
            : `AWS Config is not recording in ${region}: the inventory holds its last recorded state.${fallbackNote}`,
      });
    } else if (state === 'recording') {
      const missing = regional.filter((type) => !recording.records(type));
      if (missing.length > 0) {
        gaps.push({
          service: 'config',
          operation: 'DescribeConfigurationRecorders',
          region,
          code: 'ResourceTypesNotRecorded',
          message: `AWS Config in ${region} does not record ${missing.join(', ')}: those resources are not in the inventory.${fallbackNote}`,
        });
      }
    }
  }
  if (iamFallbackTypes.size > 0) {
    gaps.push({
      service: 'config',
      operation: 'DescribeConfigurationRecorders',
      code: 'GlobalResourceTypesNotRecorded',
      message: `No collected region's AWS Config recorder records ${[...iamFallbackTypes].join(', ')}: they were collected through IAM GetAccountAuthorizationDetails.`,
    });
  }
  return { queryTypes, s3FallbackRegions, iamFallbackTypes, gaps };
}
