import { describe, expect, it } from 'vitest';
import {
  commentMarker,
  type ExistingComment,
  fingerprintMarker,
  ourComments,
  planStickyComment,
} from '../../src/action/sticky-comment.js';

const marker = commentMarker('contexta-evidence');
const self = 'github-actions[bot]';
const bot = (id: number, body: string): ExistingComment => ({ id, body, authorLogin: self });

describe('ourComments', () => {
  it('counts only comments whose first line is our marker and whose author is the identity we post as', () => {
    const existing = [
      { id: 1, body: `${marker}\nspoofed report`, authorLogin: 'mallory' },
      { id: 4, body: `${marker}\nanother bot's copy`, authorLogin: 'renovate[bot]' },
      bot(2, 'unrelated comment by us'),
      bot(6, `other report\n\`${marker}\` quoted in a code span`),
      bot(7, `report ${marker}`),
      bot(5, `${marker}\r\nreport`),
      bot(3, `${marker}\nolder report`),
    ];
    expect(ourComments(existing, marker, self).map((c) => c.id)).toEqual([3, 5]);
  });

  it('matches the comment-author login when posting with another token', () => {
    const existing = [{ id: 9, body: marker, authorLogin: 'release-bot' }, bot(10, marker)];
    expect(ourComments(existing, marker, 'release-bot').map((c) => c.id)).toEqual([9]);
    expect(ourComments(existing, marker, '')).toEqual([]);
  });
});

describe('planStickyComment', () => {
  const fp = 'abcdef0123456789';

  it('creates the first comment, then updates the oldest and removes duplicates from concurrent runs', () => {
    expect(planStickyComment({ ours: [], when: 'always', failing: false, fingerprint: fp })).toMatchObject({
      action: 'create',
    });
    expect(
      planStickyComment({
        ours: [bot(3, marker), bot(7, marker)],
        when: 'always',
        failing: true,
        fingerprint: fp,
      }),
    ).toEqual({ action: 'update', commentId: 3, deleteIds: [7], reason: 'updating the earlier comment' });
  });

  it('on-change leaves an unchanged report alone and updates a changed one', () => {
    const same = bot(3, `${marker}\n${fingerprintMarker(fp)}`);
    expect(
      planStickyComment({ ours: [same], when: 'on-change', failing: false, fingerprint: fp }).action,
    ).toBe('skip');
    expect(
      planStickyComment({ ours: [same], when: 'on-change', failing: false, fingerprint: '0000000000000000' })
        .action,
    ).toBe('update');
  });

  it('on-failure does not start a thread for a passing PR but corrects an earlier failure comment', () => {
    expect(planStickyComment({ ours: [], when: 'on-failure', failing: false, fingerprint: fp }).action).toBe(
      'skip',
    );
    expect(
      planStickyComment({ ours: [bot(4, marker)], when: 'on-failure', failing: false, fingerprint: fp }),
    ).toMatchObject({ action: 'update', commentId: 4 });
  });

  it('off never touches comments', () => {
    expect(
      planStickyComment({
        ours: [bot(4, marker), bot(6, marker)],
        when: 'off',
        failing: true,
        fingerprint: fp,
      }),
    ).toEqual({ action: 'skip', deleteIds: [], reason: 'comment: off' });
  });
});
