// Preloaded with `node --import` into every measured child: on exit it writes the process's peak
// resident set (KiB) and CPU time (µs) from getrusage to $BENCH_RSS_FILE, so the CLI and the action
// bundles are measured without any hook of their own.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ maxRssKiB: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime }),
    );
  });
}
