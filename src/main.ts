import path from 'node:path';
import { capYoungGeneration } from './runtime/young-generation.js';

/**
 * An input by the runner's convention, as `@actions/core`'s getInput reads it; the toolkit itself is
 * not loaded before the re-exec decision, which would then pay for it twice.
 */
function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/**
 * The workspace this step reads first, from the raw inputs (settings are validated later, by the
 * action itself), or null when what it reads is only known later: shard artifacts, or the other
 * run's evidence that `mode: publish` downloads.
 */
function candidateEvidence(): string[] | null {
  if (getInput('shards') !== '' || getInput('mode') === 'publish') return null;
  const workspace = getInput('workspace') || '.contexta';
  return [path.resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), workspace)];
}

// Before the action is loaded: this may replace the process with one started with a smaller young
// generation (peak memory on large workspaces; see src/runtime/young-generation.ts).
capYoungGeneration(process.env.NODE_OPTIONS, candidateEvidence());

const { run } = await import('./action/run.js');
await run();
