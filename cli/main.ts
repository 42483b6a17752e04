/**
 * compliance-auditor command line. Exit codes: 0 the command completed (and
 * nothing failed at or above --fail-on); 1 a finding failed at or above
 * --fail-on, or a bundle did not verify; 2 usage or input error.
 * Errors print one line, `error: <message>`; `--debug` adds the stack.
 */
import { parseArgs } from 'node:util';
import { AuditorError, AuditStoppedError, describeError, UsageError } from '../engine/errors.js';
import { printable } from './terminal.js';

export const USAGE = `Usage: compliance-auditor <command> [options]

Commands:
  audit --input PATH [--out DIR]   audit an inventory: a Config snapshot (.json or .json.gz),
                                   an API response, NDJSON, or a recorded inventory
  audit --demo [--out DIR]         audit the bundled demo account
  audit --live [--out DIR]         collect a live AWS account (Config, IAM, S3, KMS, ...) and audit it
      --regions r1,r2|all            regions to collect (default: the configured region)
      --profile NAME                 AWS profile (default: the SDK's standard configuration)
      --aggregator NAME              list resources through this AWS Config aggregator (an organization)
      --frameworks soc2,gdpr,hipaa   frameworks to map to (default: all)
      --fail-on SEVERITY             exit 1 when a finding of this severity or higher fails
                                     (low, medium, high, critical)
      --quiet                        no progress and no summary table
  controls list [--json]           the control catalog
  frameworks list [--json]         the frameworks and their versions
  frameworks coverage [--framework ID] [--json]
                                   per requirement: its controls, automated or manual
  verify DIR                       recompute a bundle's hashes against its manifest
  permissions                      the read-only IAM policy that audit --live needs (JSON)

Options: --debug (stack traces), --help, --version

Exit codes: 0 completed; 1 failed at or above --fail-on (or verify found a problem);
2 usage or input error.`;

export type Output = { out: (text: string) => void; err: (text: string) => void };

const defaultOutput: Output = {
  out: (text) => process.stdout.write(`${printable(text)}\n`),
  err: (text) => process.stderr.write(`${printable(text)}\n`),
};

/**
 * Runs one command and returns its exit code; never throws.
 *
 * @example
 * const code = await main(['controls', 'list']);
 */
export async function main(argv: readonly string[], output: Output = defaultOutput): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        input: { type: 'string' },
        demo: { type: 'boolean' },
        live: { type: 'boolean' },
        regions: { type: 'string' },
        profile: { type: 'string' },
        aggregator: { type: 'string' },
        out: { type: 'string' },
        frameworks: { type: 'string' },
        framework: { type: 'string' },
        'fail-on': { type: 'string' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
    if (values.help) {
      output.out(USAGE);
      return 0;
    }
    if (values.version) {
      const { TOOL } = await import('../engine/catalog.js');
      output.out(TOOL.version);
      return 0;
    }
    const [command, sub, ...rest] = positionals;
    // Each command loads only what it uses: the AWS SDK alone takes half a second.
    switch (command) {
      case 'audit':
        if (sub !== undefined) throw new UsageError(`audit takes no positional argument (got "${sub}"); use --input`);
        return await (await import('./commands/audit.js')).runAuditCommand(values, output);
      case 'controls':
        return await (await import('./commands/controls.js')).runControlsCommand(sub, rest, values, output);
      case 'frameworks':
        return await (await import('./commands/frameworks.js')).runFrameworksCommand(sub, rest, values, output);
      case 'verify':
        return await (await import('./commands/verify.js')).runVerifyCommand(sub, rest, output);
      case 'permissions':
        return await (await import('./commands/permissions.js')).runPermissionsCommand(sub, output);
      case undefined:
        throw new UsageError('no command given');
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    const message = describeError(error)
      // parseArgs errors are already sentences; keep them on one line.
      .replace(/\s*\n\s*/g, ' ');
    output.err(`error: ${message}`);
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      output.err("Run 'compliance-auditor --help' for usage.");
    }
    if (debug && error instanceof Error && error.stack) output.err(error.stack);
    else if (!(error instanceof AuditorError) && !(error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      output.err('(unexpected error: run again with --debug for details)');
    }
    if (error instanceof AuditStoppedError) {
      // As a shell reports a command ended by that signal: 143 for SIGTERM, 130 for Ctrl-C.
      return error.reason === 'SIGTERM' ? 143 : 130;
    }
    return 2;
  }
}
