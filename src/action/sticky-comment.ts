/**
 * Decides what to do with the one sticky PR comment: create it, update it in place, leave it, and
 * which duplicates to remove. Pure, so every policy case is tested without a server.
 */
import { createHash } from 'node:crypto';
import type { CommentWhen } from './settings.js';

export interface ExistingComment {
  id: number;
  body: string;
  authorLogin: string;
}

export type CommentPlan =
  | { action: 'create'; deleteIds: number[]; reason: string }
  | { action: 'update'; commentId: number; deleteIds: number[]; reason: string }
  | { action: 'skip'; deleteIds: number[]; reason: string };

/** The hidden marker is the report renderer's, so the body we post and the one we look for agree. */
export { markerComment as commentMarker } from '../report/index.js';

const FINGERPRINT = /<!-- contexta-gate-fingerprint:([0-9a-f]{16}) -->/;

export function fingerprintMarker(fingerprint: string): string {
  return `<!-- contexta-gate-fingerprint:${fingerprint} -->`;
}

/** What "changed" means for `comment: on-change`: the verdict and the set of tripped gate rows. */
export function reportFingerprint(parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}

/** The first line of a body, without a trailing carriage return. */
function firstLine(body: string): string {
  const end = body.indexOf('\n');
  return (end < 0 ? body : body.slice(0, end)).replace(/\r$/, '');
}

/**
 * A comment (or review) is ours only when its first line is exactly our marker and the identity we
 * post as wrote it. A marker further down — quoted, or inside a code span of another report — and
 * the same marker in any other account's comment (another bot's included) never count: anyone can
 * paste the marker, and we must never edit or delete what someone else wrote.
 */
export function isOurs(body: string, authorLogin: string, marker: string, selfLogin: string): boolean {
  return selfLogin !== '' && authorLogin === selfLogin && firstLine(body) === marker;
}

export function ourComments(
  existing: ExistingComment[],
  marker: string,
  selfLogin: string,
): ExistingComment[] {
  return existing
    .filter((comment) => isOurs(comment.body, comment.authorLogin, marker, selfLogin))
    .sort((a, b) => a.id - b.id);
}

export function planStickyComment(input: {
  ours: ExistingComment[];
  when: CommentWhen;
  failing: boolean;
  fingerprint: string;
}): CommentPlan {
  const [sticky, ...duplicates] = input.ours;
  const deleteIds = duplicates.map((comment) => comment.id);
  if (input.when === 'off') return { action: 'skip', deleteIds: [], reason: 'comment: off' };
  if (!sticky) {
    if (input.when === 'on-failure' && !input.failing) {
      return { action: 'skip', deleteIds, reason: 'comment: on-failure and the gate did not fail' };
    }
    return { action: 'create', deleteIds, reason: 'no earlier comment' };
  }
  if (input.when === 'on-change') {
    const previous = FINGERPRINT.exec(sticky.body)?.[1];
    if (previous === input.fingerprint) {
      return {
        action: 'skip',
        deleteIds,
        reason: 'comment: on-change and nothing changed since the last report',
      };
    }
  }
  // on-failure keeps updating an existing comment, so a fixed PR does not keep showing a stale failure.
  return { action: 'update', commentId: sticky.id, deleteIds, reason: 'updating the earlier comment' };
}
