import { describe, expect, it } from 'vitest';
import {
  isSecretLookingName,
  REDACTED_NAME,
  REDACTED_TOKEN,
  redactTokens,
  redactVariableNames,
} from '../../src/evidence/redact.js';

describe('redactVariableNames', () => {
  it.each([
    'AWS_SECRET_ACCESS_KEY',
    'GITHUB_TOKEN',
    'DB_PASSWORD',
    'OPENAI_API_KEY',
    'HF_AUTH',
    'ghp_0123456789abcdefghijklmnopqrstuvwxyz',
    'dGhpcyBpcyBhIGxvbmcgYmFzZTY0IHNlY3JldCB2YWx1ZQ',
  ])('treats %s as secret-looking', (name) => {
    expect(isSecretLookingName(name)).toBe(true);
  });

  it.each(['PATH', 'CUDA_VISIBLE_DEVICES', 'PYTHONHASHSEED', 'OMP_NUM_THREADS', 'HOME'])(
    'keeps %s',
    (name) => {
      expect(isSecretLookingName(name)).toBe(false);
    },
  );

  it('keeps ordinary names sorted and collapses the rest into one counted entry', () => {
    expect(redactVariableNames(['PATH', 'GITHUB_TOKEN', 'CUDA_VISIBLE_DEVICES', 'DB_PASSWORD'])).toEqual([
      'CUDA_VISIBLE_DEVICES',
      'PATH',
      `${REDACTED_NAME} ×2`,
    ]);
  });
});

describe('redactTokens', () => {
  const token = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
  it.each([
    `accuracy/${token}`,
    `loss_${token}`,
    'ghp_0123456789abcdefghijklmnopqrstuvwxyz',
    'gho_0123456789abcdefghijkl',
    'ghu_0123456789abcdefghijkl',
    'ghr_0123456789abcdefghijkl',
    'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
    'ghp\\_0123456789abcdefghijklmnopqrstuvwxyz',
  ])('redacts the token in %s', (text) => {
    const out = redactTokens(`run failed: ${text} end`);
    expect(out).toContain(REDACTED_TOKEN);
    expect(out).not.toMatch(/gh[pousr]\\?_[A-Za-z0-9]{16}|github\\?_pat/);
    expect(out.endsWith(' end')).toBe(true);
  });

  it('redacts the job token whatever its shape, and leaves ordinary text alone', () => {
    expect(redactTokens('x v1.abcdef0123456789 y', ['v1.abcdef0123456789'])).toBe(`x ${REDACTED_TOKEN} y`);
    expect(redactTokens('ghost_town accuracy gh_pages')).toBe('ghost_town accuracy gh_pages');
  });
});
