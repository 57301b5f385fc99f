import path from 'node:path';
import { capYoungGeneration } from './runtime/young-generation.js';

/**
 * The workspace this step reads first, from the raw inputs (settings are validated later, by the
 * action itself), or null when what it reads is only known later: shard artifacts, or the other
 * run's evidence that `mode: publish` downloads.
 */
function candidateEvidence(env: NodeJS.ProcessEnv): string[] | null {
  if ((env.INPUT_SHARDS ?? '').trim() !== '' || (env.INPUT_MODE ?? '').trim() === 'publish') return null;
  const workspace = (env.INPUT_WORKSPACE ?? '').trim() || '.contexta';
  return [path.resolve(env.GITHUB_WORKSPACE ?? process.cwd(), workspace)];
}

// Before the action is loaded: this may replace the process with one started with a smaller young
// generation (peak memory on large workspaces; see src/runtime/young-generation.ts).
capYoungGeneration(process.env.NODE_OPTIONS, candidateEvidence(process.env));

const { run } = await import('./action/run.js');
await run();
