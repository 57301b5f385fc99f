/**
 * Where the tests find the bundles: built from the current src/ by test/support/build-bundles.ts
 * (the vitest global setup) into a scratch root, not dist/, so that a local run never exercises a
 * stale dist/ and CI's dist-vs-src check still compares against what `npm run build` makes.
 */
import path from 'node:path';

export const BUNDLE_ROOT = path.resolve(import.meta.dirname, '../../.tmp/bundle');
export const ACTION_BUNDLE = path.join(BUNDLE_ROOT, 'index.js');
export const CLI_BUNDLE = path.join(BUNDLE_ROOT, 'cli', 'index.js');
