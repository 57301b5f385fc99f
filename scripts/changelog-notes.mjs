#!/usr/bin/env node
/**
 * Prints the CHANGELOG.md section of one version (the lines under `## [X.Y.Z]`, up to the next
 * `## ` heading or the link references), for the release notes. Exits 1 when the version has no
 * section or an empty one, so a release cannot go out without notes.
 *
 * Usage: node scripts/changelog-notes.mjs X.Y.Z [CHANGELOG.md]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The body of `## [version]` in a Keep a Changelog text, trimmed; null when absent or empty. */
export function changelogSection(changelog, version) {
  const lines = changelog.split('\n');
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const heading = new RegExp(`^## \\[?v?${escaped}\\]?(\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start === -1) return null;
  const body = [];
  for (const line of lines.slice(start + 1)) {
    if (/^## /.test(line) || /^\[[^\]]+\]:\s/.test(line)) break;
    body.push(line);
  }
  const text = body.join('\n').trim();
  return text === '' ? null : text;
}

function main() {
  const [version, file = 'CHANGELOG.md'] = process.argv.slice(2);
  if (!version) {
    console.error('usage: node scripts/changelog-notes.mjs X.Y.Z [CHANGELOG.md]');
    process.exit(2);
  }
  const notes = changelogSection(readFileSync(file, 'utf8'), version);
  if (notes === null) {
    console.error(`${file} has no notes for ${version}: add a '## [${version}] - YYYY-MM-DD' section.`);
    process.exit(1);
  }
  process.stdout.write(`${notes}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
