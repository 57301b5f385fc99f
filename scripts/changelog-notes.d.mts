// Types for changelog-notes.mjs, so the TypeScript test can import it.

export function changelogSection(changelog: string, version: string): string | null;
