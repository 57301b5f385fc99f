// Bundles the action and the CLI with ncc into an output root (`dist` by default; the test suite's
// global setup builds into a scratch root so a local `npm test` never runs a stale dist/).
// Usage: node scripts/build.mjs [outRoot]
//
// Each entry gets its own folder so that ncc's emitted `package.json` ({"type":"module"}) and chunk
// names never collide. The two ncc runs go in parallel, but ncc deletes every `.js` under its output
// folder before writing, so the CLI (which lives inside the action's folder) is built apart and moved
// into place once both are done.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
const NCC = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js');

function ncc(entry, outDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [NCC, 'build', path.join(ROOT, entry), '-o', outDir, '--quiet', '--target', 'es2023'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ncc build ${entry} exited with ${code}`)),
    );
  });
}

/**
 * Builds `<outRoot>/index.js` (the action), `<outRoot>/cli/index.js` (the bin) and, beside each, the
 * parse worker threads' script (`parse-worker/index.js`, see src/sources/parse-workers.ts); returns
 * outRoot.
 */
export async function buildBundles(outRoot = 'dist') {
  const out = path.resolve(ROOT, outRoot);
  const cliStaging = mkdtempSync(path.join(tmpdir(), 'contexta-gate-cli-'));
  const workerStaging = mkdtempSync(path.join(tmpdir(), 'contexta-gate-worker-'));
  try {
    rmSync(out, { recursive: true, force: true });
    await Promise.all([
      ncc('src/main.ts', out),
      ncc('src/cli/main.ts', cliStaging),
      ncc('src/contexta/parse-worker.ts', workerStaging),
    ]);
    const cliOut = path.join(out, 'cli');
    cpSync(cliStaging, cliOut, { recursive: true });
    cpSync(workerStaging, path.join(out, 'parse-worker'), { recursive: true });
    cpSync(workerStaging, path.join(cliOut, 'parse-worker'), { recursive: true });
    const bin = path.join(cliOut, 'index.js');
    const code = readFileSync(bin, 'utf8');
    if (!code.startsWith('#!')) writeFileSync(bin, `#!/usr/bin/env node\n${code}`);
    chmodSync(bin, 0o755);
    return out;
  } finally {
    rmSync(cliStaging, { recursive: true, force: true });
    rmSync(workerStaging, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildBundles(process.argv[2]);
}
