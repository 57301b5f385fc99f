import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changelogSection } from '../../scripts/changelog-notes.mjs';

const SAMPLE = `# Changelog

## [Unreleased]

- next

## [1.2.0] - 2027-01-02

### Fixed
- one

## [1.1.0] - 2026-12-31

- two

[1.2.0]: https://example.invalid
`;

describe('scripts/changelog-notes.mjs', () => {
  it("takes one version's section, up to the next heading or the link references", () => {
    expect(changelogSection(SAMPLE, '1.2.0')).toBe('### Fixed\n- one');
    expect(changelogSection(SAMPLE, '1.1.0')).toBe('- two');
    expect(changelogSection(SAMPLE, 'Unreleased')).toBe('- next');
  });

  it('has no notes for a version without a section (the release then stops)', () => {
    expect(changelogSection(SAMPLE, '1.0.0')).toBeNull();
    expect(changelogSection(SAMPLE, '1.2')).toBeNull();
  });

  it('CHANGELOG.md has notes for the version in package.json', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(changelogSection(readFileSync('CHANGELOG.md', 'utf8'), version)).toMatch(/\S/);
  });
});
