/**
 * Generates the deployment's data files from the code they must agree with,
 * so serverless.yml can neither miss a permission nor grant a spare one:
 *
 *   deploy/collector-policy.json      the collector's read-only policy (nightlyAudit)
 *   deploy/account-facts-policy.json  the calls of the collector's account-facts part (configRule, realtime)
 *   deploy/config-rule-scope.json     the Config types some control judges (the Config rule's scope)
 *
 * Run `npx tsx deploy/generate.ts` after changing the collector or the
 * catalog; test/deploy/generated-files.test.ts fails while a file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogRegistry } from '../engine/catalog.js';
import { type ClientFactory, collectAccountFacts, collectorPolicyDocument } from '../engine/collect/index.js';
import { callSpecFor } from '../engine/collect/permissions.js';
import { ACCOUNT_RESOURCE_TYPE } from '../engine/normalize/account-facts.js';

export const DEPLOY_DIR = dirname(fileURLToPath(import.meta.url));

/** Answers that lead the account-facts code down every branch that makes a call (one trail, one detector, ...). */
const CANNED: Record<string, unknown> = {
  GetCallerIdentityCommand: {
    Account: '111122223333',
    Arn: 'arn:aws:sts::111122223333:assumed-role/generator/session',
  },
  ListDetectorsCommand: { DetectorIds: ['detector'] },
  GetDetectorCommand: { Status: 'ENABLED' },
  DescribeTrailsCommand: {
    trailList: [{ TrailARN: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/generator', HomeRegion: 'us-east-1' }],
  },
  GenerateCredentialReportCommand: { State: 'COMPLETE' },
  GetCredentialReportCommand: { Content: new TextEncoder().encode('user,arn\n'), GeneratedTime: new Date(0) },
};

/**
 * The IAM actions `collectAccountFacts` calls, found by running it against
 * clients that record each command (and answer from CANNED, never AWS).
 *
 * @example
 * await accountFactsActions() // ['cloudtrail:DescribeTrails', ..., 'sts:GetCallerIdentity']
 */
export async function accountFactsActions(): Promise<string[]> {
  const actions = new Set<string>();
  const factory: ClientFactory = () => {
    const client = {
      config: {},
      middlewareStack: { remove: () => true },
      send: async (command: object) => {
        actions.add(callSpecFor(command).iamAction);
        return CANNED[command.constructor.name] ?? {};
      },
    };
    return client as unknown as ReturnType<ClientFactory>;
  };
  await collectAccountFacts({ regions: ['us-east-1'], clientFactory: factory, concurrency: 1 });
  return [...actions].sort();
}

export interface GeneratedFiles {
  'collector-policy.json': unknown;
  'account-facts-policy.json': unknown;
  'config-rule-scope.json': unknown;
}

/** Every generated file's content, as JSON values. */
export async function generatedFiles(): Promise<GeneratedFiles> {
  return {
    'collector-policy.json': collectorPolicyDocument(),
    'account-facts-policy.json': {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ComplianceAuditorAccountFactsReadOnly',
          Effect: 'Allow',
          Action: await accountFactsActions(),
          // These read account-level settings; most of the actions support no resource ARN.
          Resource: '*',
        },
      ],
    },
    // Config rules take resource types only, not the account-level pseudo type; periodic runs report it anyway.
    'config-rule-scope.json': [...catalogRegistry().evaluatedTypes]
      .filter((type) => type !== ACCOUNT_RESOURCE_TYPE)
      .sort(),
  };
}

/** The text each file holds: two-space JSON and a final newline. */
export const fileText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, value] of Object.entries(await generatedFiles())) {
    await writeFile(join(DEPLOY_DIR, name), fileText(value));
    console.log(`wrote deploy/${name}`);
  }
}
