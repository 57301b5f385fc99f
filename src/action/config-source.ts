/**
 * Where the gate config comes from. On a pull request the config is read from the base branch by
 * default: a PR must not be able to weaken its own gate by editing the YAML it is judged by.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  type ConfigResult,
  DEFAULT_CONFIG,
  formatConfigError,
  loadConfigFile,
  parseConfig,
} from '../gates/config.js';
import type { GateConfig } from '../gates/config-types.js';
import type { GitHubClient } from '../github/client.js';
import { GitHubError, GitHubPermissionError } from '../github/errors.js';
import type { RunnerContext } from './context.js';
import type { Settings } from './settings.js';

export interface LoadedConfig {
  config: GateConfig;
  /** For the report: "inline", "base branch main: .github/contexta-gate.yml", … */
  source: string;
  warnings: string[];
  /** For the report's heading (GateReport.configNotices): defaults in use, a PR's config change. */
  notices: string[];
}

export class ConfigLoadError extends Error {
  override name = 'ConfigLoadError';
}

function unwrap(result: ConfigResult, source: string): LoadedConfig {
  if (!result.ok) {
    throw new ConfigLoadError(
      `The gate config is invalid (${source}):\n${result.errors.map((error) => `  ${formatConfigError(error)}`).join('\n')}`,
    );
  }
  return { config: result.config, source, warnings: result.warnings, notices: [] };
}

/** The status code (or message) that names why a read failed, e.g. `503` or `403`. */
function failureReason(error: unknown): string {
  if (error instanceof GitHubError && error.status !== undefined) return String(error.status);
  return error instanceof Error ? error.message : String(error);
}

async function readLocal(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch {
    return null;
  }
}

/** Which branch the config of this event must come from, or null for the checked-out tree. */
export function trustedConfigRef(settings: Settings, ctx: RunnerContext): string | null {
  if (settings.allowPrConfig) return null;
  if (ctx.pullRequest) return ctx.pullRequest.baseRef;
  if (ctx.mergeGroup) return ctx.mergeGroup.baseRef;
  return null;
}

export async function loadGateConfig(
  settings: Settings,
  ctx: RunnerContext,
  github: GitHubClient | null,
): Promise<LoadedConfig> {
  if (settings.configInline)
    return unwrap(parseConfig(settings.configInline, 'config-inline'), 'inline (config-inline)');

  const ref = trustedConfigRef(settings, ctx);
  if (ref !== null) {
    const where = `base branch ${ref}: ${settings.configPath}`;
    // Fail closed: a config we cannot read is never replaced by the laxer built-in defaults.
    if (!github) {
      throw new ConfigLoadError(
        `could not read ${settings.configPath} from ${ref}: no github-token to read the base branch with`,
      );
    }
    let content: Buffer | null;
    try {
      content = await github.getFileContent(settings.configPath, ref);
    } catch (error) {
      throw new ConfigLoadError(
        `could not read ${settings.configPath} from ${ref}: ${failureReason(error)}. The gate does not fall back to the built-in defaults; re-run the job once GitHub answers${error instanceof GitHubPermissionError ? ' (the token needs contents: read)' : ''}.`,
      );
    }
    const local = ctx.pullRequest
      ? await readLocal(path.resolve(ctx.workspaceDir, settings.configPath))
      : null;
    const changed =
      local !== null && (content === null || !local.equals(content))
        ? [
            `This pull request ${content === null ? 'adds' : 'changes'} ${settings.configPath}; the change applies after merge (or with allow-pr-config: true). This report uses ${content === null ? 'the built-in default gates' : `the config on ${ref}`}.`,
          ]
        : [];
    if (content === null) {
      return {
        config: DEFAULT_CONFIG,
        source: 'built-in defaults',
        warnings: [`No ${settings.configPath} on ${ref}; using the built-in default gates.`],
        notices: [`No ${settings.configPath} on ${ref}: the built-in default gates apply.`, ...changed],
      };
    }
    const loaded = unwrap(parseConfig(content.toString('utf8'), settings.configPath), where);
    return { ...loaded, notices: changed };
  }

  const file = path.resolve(ctx.workspaceDir, settings.configPath);
  const result = await loadConfigFile(file, { optional: true });
  const headNote = ctx.pullRequest ? ' (the pull request’s own, allow-pr-config: true)' : '';
  const defaults = result.ok && result.config === DEFAULT_CONFIG;
  const loaded = unwrap(result, defaults ? 'built-in defaults' : `${settings.configPath}${headNote}`);
  return defaults
    ? { ...loaded, notices: [`No ${settings.configPath}: the built-in default gates apply.`] }
    : loaded;
}
