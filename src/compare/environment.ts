import type { Run } from '../evidence/model.js';
import type { EnvironmentChange, PackageChange } from './types.js';

function field(baseline: string | null, candidate: string | null) {
  return { baseline, candidate, changed: baseline !== candidate };
}

/**
 * Compares environment snapshots when both runs have one. The model holds variable names only, so no
 * value can leak into a report from here.
 */
export function compareEnvironment(baseline: Run | null, candidate: Run | null): EnvironmentChange {
  const b = baseline?.environment ?? null;
  const c = candidate?.environment ?? null;
  const empty: EnvironmentChange = {
    status: 'both_missing',
    changed: false,
    python: null,
    platform: null,
    packagesAdded: [],
    packagesRemoved: [],
    packagesChanged: [],
    variableNamesAdded: [],
    variableNamesRemoved: [],
  };
  if (!b || !c) {
    return { ...empty, status: b ? 'candidate_missing' : c ? 'baseline_missing' : 'both_missing' };
  }
  const names = [...new Set([...Object.keys(b.packages), ...Object.keys(c.packages)])].sort();
  const added: PackageChange[] = [];
  const removed: PackageChange[] = [];
  const changed: PackageChange[] = [];
  for (const name of names) {
    const from = b.packages[name] ?? null;
    const to = c.packages[name] ?? null;
    if (from === null) added.push({ name, baseline: null, candidate: to });
    else if (to === null) removed.push({ name, baseline: from, candidate: null });
    else if (from !== to) changed.push({ name, baseline: from, candidate: to });
  }
  const bVars = new Set(b.environmentVariableNames);
  const cVars = new Set(c.environmentVariableNames);
  const python = field(b.python, c.python);
  const platform = field(b.platform, c.platform);
  const variableNamesAdded = [...cVars].filter((n) => !bVars.has(n)).sort();
  const variableNamesRemoved = [...bVars].filter((n) => !cVars.has(n)).sort();
  return {
    status: 'compared',
    changed:
      python.changed ||
      platform.changed ||
      added.length +
        removed.length +
        changed.length +
        variableNamesAdded.length +
        variableNamesRemoved.length >
        0,
    python,
    platform,
    packagesAdded: added,
    packagesRemoved: removed,
    packagesChanged: changed,
    variableNamesAdded,
    variableNamesRemoved,
  };
}
