/**
 * Vitest global setup: builds the action and CLI bundles into BUNDLE_ROOT with the same script as
 * `npm run build`. The build is skipped when the inputs hash to what the last build recorded, so a
 * run of a few test files pays for it once per change to src/, not once per run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildBundles } from '../../scripts/build.mjs';
import { sourceFiles } from '../../scripts/layers.mjs';
import { ACTION_BUNDLE, BUNDLE_ROOT, CLI_BUNDLE } from './bundle.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const STAMP = path.join(BUNDLE_ROOT, '.inputs-sha256');

function inputsHash(): string {
  const inputs = [
    ...sourceFiles(path.join(REPO, 'src')),
    ...['scripts/build.mjs', 'package-lock.json', 'src/tsconfig.json', 'tsconfig.json'].map((file) =>
      path.join(REPO, file),
    ),
  ].filter((file) => existsSync(file));
  const hash = createHash('sha256');
  for (const file of inputs.sort())
    hash.update(path.relative(REPO, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

export default async function setup(): Promise<void> {
  const hash = inputsHash();
  const fresh =
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8') === hash &&
    existsSync(ACTION_BUNDLE) &&
    existsSync(CLI_BUNDLE);
  if (fresh) return;
  const started = performance.now();
  await buildBundles(BUNDLE_ROOT);
  writeFileSync(STAMP, hash);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`bundles built from src/ into ${path.relative(REPO, BUNDLE_ROOT)}/ in ${seconds} s`);
}
