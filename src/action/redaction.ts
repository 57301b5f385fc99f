/**
 * The one place text leaves the action: every string that may carry evidence text passes through
 * `redact` before it reaches a comment, review, summary, check run, annotation, output, status or
 * report file, so neither the job's token nor anything shaped like a GitHub token is ever written.
 */
import { redactTokens } from '../evidence/redact.js';

const secrets: string[] = [];

/** Registers the job's token (whatever its shape) once, before anything is written. */
export function registerSecret(secret: string): void {
  if (secret && !secrets.includes(secret)) secrets.push(secret);
}

export function redact(text: string): string {
  return redactTokens(text, secrets);
}
