// Types for lint-workflows.mjs, so the TypeScript test can import the plain-Node linter.

export interface Workflow {
  /** Repository-relative file the text comes from (README.md for README examples). */
  file: string;
  /** Line of `file` that holds the first line of `text`. */
  firstLine: number;
  text: string;
}

export interface Problem {
  file: string;
  line: number;
  column: number;
  kind: string;
  message: string;
}

export function readmeWorkflows(markdown: string, file?: string): Workflow[];
export function repositoryWorkflows(root: string): Workflow[];
export function policyProblems(text: string): Omit<Problem, 'file'>[];
export function lintWorkflows(workflows: Workflow[]): Promise<Problem[]>;
export function formatProblem(problem: Problem): string;
