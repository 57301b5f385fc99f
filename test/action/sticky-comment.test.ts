import { describe, expect, it } from 'vitest';
import {
  commentMarker,
  type ExistingComment,
  fingerprintMarker,
  ourComments,
  planStickyComment,
} from '../../src/action/sticky-comment.js';

const marker = commentMarker('contexta-evidence');
const bot = (id: number, body: string): ExistingComment => ({
  id,
  body,
  authorLogin: 'github-actions[bot]',
  authorType: 'Bot',
});

describe('ourComments', () => {
  it('ignores a human comment that pastes our marker, and other bots’ comments without it', () => {
    const existing = [
      { id: 1, body: `spoof ${marker}`, authorLogin: 'mallory', authorType: 'User' },
      bot(2, 'unrelated bot comment'),
      bot(5, `report ${marker}`),
      bot(3, `older report ${marker}`),
    ];
    expect(ourComments(existing, marker, null).map((c) => c.id)).toEqual([3, 5]);
  });

  it('matches by login when posting with a personal token', () => {
    const existing = [
      { id: 9, body: marker, authorLogin: 'release-bot', authorType: 'User' },
      bot(10, marker),
    ];
    expect(ourComments(existing, marker, 'release-bot').map((c) => c.id)).toEqual([9]);
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
