/**
 * Runs the CLI's `main` in a fresh process and reports its peak RSS and CPU
 * time on stdout's last line, so the benchmark measures the real command path.
 */
import { main } from '../cli/main.js';

const code = await main(process.argv.slice(2), {
  out: () => undefined,
  err: (text) => process.stderr.write(`${text}\n`),
});
// CPU time counts every thread of the process (writer thread, GC helpers): steadier than wall time for A/B runs.
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ code, maxRssBytes: usage.maxRSS * 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 })}\n`,
);
process.exitCode = code;
