/**
 * Where the gate config comes from. On a pull request the config is read from the base branch by
 * default: a PR must not be able to weaken its own gate by editing the YAML it is judged by.
 */
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
import type { RunnerContext } from './context.js';
import type { Settings } from './settings.js';

export interface LoadedConfig {
  config: GateConfig;
  /** For the report: "inline", "base branch main: .github/contexta-gate.yml", … */
  source: string;
  warnings: string[];
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
  return { config: result.config, source, warnings: result.warnings };
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
    if (!github) {
      return {
        config: DEFAULT_CONFIG,
        source: 'built-in defaults',
        warnings: [`Cannot read ${where} without API access; using the built-in default gates.`],
      };
    }
    let content: Buffer | null;
    try {
      content = await github.getFileContent(settings.configPath, ref);
    } catch (error) {
      return {
        config: DEFAULT_CONFIG,
        source: 'built-in defaults',
        warnings: [
          `Could not read ${where} (${(error as Error).message}); using the built-in default gates rather than the pull request's own config.`,
        ],
      };
    }
    if (content === null) {
      return {
        config: DEFAULT_CONFIG,
        source: 'built-in defaults',
        warnings: [`No ${settings.configPath} on ${ref}; using the built-in default gates.`],
      };
    }
    return unwrap(parseConfig(content.toString('utf8'), settings.configPath), where);
  }

  const file = path.resolve(ctx.workspaceDir, settings.configPath);
  const result = await loadConfigFile(file, { optional: true });
  const headNote = ctx.pullRequest ? ' (the pull request’s own, allow-pr-config: true)' : '';
  const source =
    result.ok && result.config === DEFAULT_CONFIG ? 'built-in defaults' : `${settings.configPath}${headNote}`;
  return unwrap(result, source);
}
