import { describe, expect, it } from 'vitest';
import { isSecretLookingName, REDACTED_NAME, redactVariableNames } from '../../src/evidence/redact.js';

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
