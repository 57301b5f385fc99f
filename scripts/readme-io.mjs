// Regenerates the README's input/output tables from action.yml, so the docs cannot drift from
// what the runner actually accepts. `--check` exits 1 when the README is stale (used by the tests).
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const action = parse(readFileSync('action.yml', 'utf8'));
const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|');

const inputs = [
  '| input | default | description |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.default === '' ? '' : `\`${cell(spec.default)}\``} | ${cell(spec.description)} |`,
  ),
].join('\n');
const outputs = [
  '| output | description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`),
].join('\n');

export function render(readme) {
  return readme
    .replace(/(<!-- inputs:start -->)[\s\S]*?(<!-- inputs:end -->)/, `$1\n${inputs}\n$2`)
    .replace(/(<!-- outputs:start -->)[\s\S]*?(<!-- outputs:end -->)/, `$1\n${outputs}\n$2`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync('README.md', 'utf8');
  const next = render(readme);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md input/output tables are stale: run `node scripts/readme-io.mjs`.');
      process.exit(1);
    }
  } else {
    writeFileSync('README.md', next);
  }
}
