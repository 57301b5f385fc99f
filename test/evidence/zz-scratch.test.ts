import { it } from 'vitest';
import { inspectCommand } from '../../src/cli/inspect.js';

it('smoke', async () => {
  for (const d of (process.env.SMOKE ?? '').split(',')) {
    let out = '';
    const code = await inspectCommand([d], {
      stdout: (s) => {
        out += s;
      },
      stderr: (s) => {
        out += 'ERR ' + s;
      },
      cwd: process.cwd(),
    });
    console.log(code, out);
  }
});
