// Preloaded with `node --import` into a start-up measurement: records, as epoch milliseconds, when
// the process first opens a file under $BENCH_FIRST_READ_PREFIX (the evidence workspace) and writes
// it to $BENCH_FIRST_READ_FILE on exit. The bench subtracts its own spawn time: that is the start-up
// before the first byte of evidence is read, measured on the unchanged bundles. The preload is kept
// through the CLI's and the action's re-exec (it is in `process.execArgv`), so the mark comes from
// the process that does the reading.
import fs, { writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const prefix = process.env.BENCH_FIRST_READ_PREFIX;
const target = process.env.BENCH_FIRST_READ_FILE;

if (prefix && target) {
  let firstAt = null;
  const mark = (file) => {
    if (firstAt === null && String(file).startsWith(prefix))
      firstAt = performance.timeOrigin + performance.now();
  };
  const wrap = (owner, name) => {
    const original = owner[name];
    owner[name] = function (file, ...rest) {
      mark(file);
      return original.call(this, file, ...rest);
    };
  };
  for (const name of ['open', 'openSync', 'readFile', 'readFileSync', 'createReadStream']) wrap(fs, name);
  for (const name of ['open', 'readFile']) wrap(fs.promises, name);
  syncBuiltinESMExports();
  process.on('exit', () => writeFileSync(target, JSON.stringify({ firstReadAt: firstAt })));
}
