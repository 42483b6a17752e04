/**
 * deploy/*.json are generated from the code they must agree with (the
 * collector's call table, its account-facts part, the control registry).
 * A stale file fails here; `npx tsx deploy/generate.ts` regenerates them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPLOY_DIR, fileText, generatedFiles } from '../../deploy/generate.js';

describe('Deploy: generated files', () => {
  it.each(['collector-policy.json', 'account-facts-policy.json', 'config-rule-scope.json'] as const)(
    'deploy/%s is up to date (else run: npx tsx deploy/generate.ts)',
    async (name) => {
      const expected = (await generatedFiles())[name];
      expect(readFileSync(join(DEPLOY_DIR, name), 'utf8')).toBe(fileText(expected));
    },
  );

  it('grants no wildcard action and only reads', async () => {
    const files = await generatedFiles();
    for (const policy of [files['collector-policy.json'], files['account-facts-policy.json']] as {
      Statement: { Action: string[] }[];
    }[]) {
      for (const action of policy.Statement.flatMap((statement) => statement.Action)) {
        expect(action).not.toContain('*');
        expect(action).toMatch(/^[a-z0-9-]+:(Get|List|Describe|Select|BatchGet|Generate|Lookup)[A-Za-z]*$/);
      }
    }
  });
});
