/**
 * Runs the CLI's `main` in a fresh process and reports its peak RSS on
 * stdout's last line, so the benchmark measures the real command path.
 */
import { main } from '../cli/main.js';

const code = await main(process.argv.slice(2), {
  out: () => undefined,
  err: (text) => process.stderr.write(`${text}\n`),
});
process.stdout.write(`${JSON.stringify({ code, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
process.exitCode = code;
