/**
 * Gating one project of a workspace that holds several: the action's `project` input and the CLI's
 * `--project` flag pick it the same way.
 */
import type { Evidence } from '../evidence/model.js';

export class ProjectNotFoundError extends Error {
  override name = 'ProjectNotFoundError';
}

/**
 * Keeps only project `project` (null keeps all). A workspace with no projects passes through, so the
 * engine reports the missing evidence rather than a naming mistake. `origin` names where the name came
 * from in the error message.
 */
export function onlyProject(
  evidence: Evidence,
  project: string | null,
  origin = "Input 'project'",
): Evidence {
  if (project === null) return evidence;
  const projects = evidence.projects.filter((p) => p.name === project);
  if (projects.length === 0 && evidence.projects.length > 0) {
    throw new ProjectNotFoundError(
      `${origin}: no project '${project}' in ${evidence.source.root}; it holds ${evidence.projects.map((p) => `'${p.name}'`).join(', ')}.`,
    );
  }
  return { ...evidence, projects };
}
