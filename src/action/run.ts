/**
 * The action entry: inputs → settings → context → the flow for the mode. Every error that reaches
 * here becomes one `setFailed` line a person can act on; the token is registered as a secret before
 * anything could print it. Nothing here imports `@actions/github` before the event payload has been
 * read and validated.
 */
import * as core from '@actions/core';
import { GitHubClient } from '../github/client.js';
import { runCollectFlow } from './collect-flow.js';
import { ConfigLoadError } from './config-source.js';
import { ContextError, readRunnerContext } from './context.js';
import { settleDuckDbCaches } from './duckdb-cache.js';
import { runGateFlow } from './gate-flow.js';
import { ProjectNotFoundError } from './project.js';
import { runPromoteFlow } from './promote-flow.js';
import { runPublishFlow } from './publish-flow.js';
import { redact, registerSecret } from './redaction.js';
import { readSettings, SettingsError } from './settings.js';

/** The reason also goes to the job summary, where a reviewer looks for the report. */
async function summarizeFailure(message: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(`### contexta/gate did not run\n\n${message}\n`, true).write();
  } catch (error) {
    core.warning(redact(`contexta/gate: could not write the job summary: ${(error as Error).message}`));
  }
}

export async function run(): Promise<void> {
  try {
    const settings = readSettings((name) => core.getInput(name));
    if (settings.token) {
      core.setSecret(settings.token);
      registerSecret(settings.token);
    }
    const ctx = readRunnerContext(process.env);
    const github = settings.token
      ? new GitHubClient({ token: settings.token, apiUrl: ctx.apiUrl, owner: ctx.owner, repo: ctx.repo })
      : null;
    if (ctx.isGhes) {
      core.notice(
        'contexta/gate: GitHub Enterprise Server detected: the artifact service is unavailable, so evidence is not uploaded and baselines must be local paths (baseline: <path>).',
      );
    }
    switch (settings.mode) {
      case 'gate':
        await runGateFlow(settings, ctx, github);
        break;
      case 'promote':
        await runPromoteFlow(settings, ctx, github);
        break;
      case 'publish':
        if (!github)
          throw new SettingsError(["mode: publish needs 'github-token' to read the triggering run."]);
        await runPublishFlow(settings, ctx, github);
        break;
      case 'collect':
        await runCollectFlow(settings, ctx, github);
        break;
    }
  } catch (error) {
    if (
      error instanceof SettingsError ||
      error instanceof ContextError ||
      error instanceof ConfigLoadError ||
      error instanceof ProjectNotFoundError
    ) {
      const message = redact(`contexta/gate: ${error.message}`);
      core.setFailed(message);
      await summarizeFailure(message);
    } else {
      core.setFailed(
        redact(
          `contexta/gate failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      if (error instanceof Error && error.stack) core.debug(error.stack);
    }
  } finally {
    await settleDuckDbCaches();
  }
}
