/**
 * Environment snapshots in a ledger may hold the job's environment variables. Their values are
 * never read; their names are kept (a changed set of variables is worth knowing), except names that
 * look like secrets themselves or name one — those are replaced, so a report cannot leak them.
 */
const SECRET_WORDS =
  /(secret|token|passw(or)?d|passwd|credential|api[_-]?key|private[_-]?key|auth|session|cookie|signature|\bpat\b)/i;
const TOKEN_SHAPES = /^(gh[pousr]_|github_pat_|xox[abprs]-|sk-|AKIA|ASIA|eyJ)|[A-Za-z0-9+/=_-]{32,}/;

export const REDACTED_NAME = '[redacted name]';

export function isSecretLookingName(name: string): boolean {
  return SECRET_WORDS.test(name) || TOKEN_SHAPES.test(name);
}

/** Sorted names with every secret-looking one replaced by one `[redacted name] ×N` entry. */
export function redactVariableNames(names: Iterable<string>): string[] {
  const kept: string[] = [];
  let redacted = 0;
  for (const name of names) {
    if (isSecretLookingName(name)) redacted += 1;
    else kept.push(name);
  }
  kept.sort();
  if (redacted > 0) kept.push(redacted === 1 ? REDACTED_NAME : `${REDACTED_NAME} ×${redacted}`);
  return kept;
}

/**
 * Anything shaped like a GitHub token: personal (`ghp_`), OAuth (`gho_`), user-to-server (`ghu_`),
 * installation (`ghs_`), refresh (`ghr_`) and fine-grained (`github_pat_`) tokens.
 */
// No word boundary before: a token glued to a metric name (`loss_ghp_…`) is still a token. The
// optional backslash catches the Markdown-escaped form (`ghp\_…`) a renderer may have produced.
const GITHUB_TOKEN =
  /(?<![A-Za-z0-9])(?:gh[pousr]\\?_[A-Za-z0-9]{16,255}|github\\?_pat\\?_[A-Za-z0-9_\\]{20,255})/g;
export const REDACTED_TOKEN = '[redacted token]';

/**
 * Replaces the given secrets (the job's own token, whatever its shape) and every GitHub-token-shaped
 * string with `[redacted token]`. Applied to text that came from evidence before it is written
 * anywhere a person or another job can read it.
 */
export function redactTokens(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join(REDACTED_TOKEN);
  }
  return out.replace(GITHUB_TOKEN, REDACTED_TOKEN);
}
