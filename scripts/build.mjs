// Bundles the action and the CLI with ncc. Each entry gets its own folder so that ncc's
// emitted `package.json` ({"type":"module"}) and chunk names never collide.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const entries = [
  { src: 'src/main.ts', out: 'dist' },
  { src: 'src/cli/main.ts', out: 'dist/cli', shebang: true },
];

rmSync('dist', { recursive: true, force: true });
for (const entry of entries) {
  execFileSync('npx', ['ncc', 'build', entry.src, '-o', entry.out, '--quiet', '--target', 'es2023'], {
    stdio: 'inherit',
  });
  if (entry.shebang) {
    const file = `${entry.out}/index.js`;
    const code = readFileSync(file, 'utf8');
    if (!code.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${code}`);
    chmodSync(file, 0o755);
  }
}
