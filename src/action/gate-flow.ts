/**
 * `mode: gate` — judge the workspace against its baseline, report, and let the verdict decide the
 * step.
 */
import type { GitHubClient } from '../github/client.js';
import type { RunnerContext } from './context.js';
import { conclude, judge } from './judge.js';
import type { Settings } from './settings.js';

export async function runGateFlow(
  settings: Settings,
  ctx: RunnerContext,
  github: GitHubClient | null,
): Promise<void> {
  const judged = await judge({ settings, ctx, github, checkRun: true });
  conclude(judged, settings);
}
