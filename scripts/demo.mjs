// `npm run demo`: gates every bundled scenario with the reference policy through the built CLI —
// the same engine the action runs — and prints each report, then a summary against the verdicts
// the scenario READMEs state. Exits 1 only if a verdict differs from the documented one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const scenarios = [
  ['tabular-improves', 'pass'],
  ['slice-regression', 'fail'],
  ['incomplete-evidence', 'fail'],
  ['deployment-promotion', 'pass'],
  ['llm-eval', 'fail'],
  ['noisy-small-diff', 'pass'],
];

if (!existsSync('dist/cli/index.js')) {
  console.error('dist/cli/index.js is missing: run `npm run build` first.');
  process.exit(2);
}

const rows = [];
for (const [name, expected] of scenarios) {
  const base = `fixtures/scenarios/${name}`;
  const args = [
    'dist/cli/index.js',
    'compare',
    '--baseline',
    `${base}/baseline/.contexta`,
    '--candidate',
    `${base}/candidate/.contexta`,
    '--config',
    'fixtures/reference-policy.yml',
  ];
  const text = spawnSync(process.execPath, [...args, '--format', 'text'], { encoding: 'utf8' });
  console.log(`\n━━━ ${name} ━━━`);
  process.stdout.write(text.stdout);
  if (text.stderr.trim()) process.stderr.write(text.stderr);
  const json = spawnSync(process.execPath, [...args, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  let verdict = 'error';
  try {
    verdict = JSON.parse(json.stdout).verdict;
  } catch {
    verdict = `error (exit ${json.status})`;
  }
  rows.push({ name, expected, verdict, exit: text.status });
}

console.log('\nscenario               expected  verdict  exit code');
for (const row of rows) {
  console.log(
    `${row.name.padEnd(22)} ${row.expected.padEnd(9)} ${String(row.verdict).padEnd(8)} ${row.exit}`,
  );
}
const wrong = rows.filter((row) => row.verdict !== row.expected);
if (wrong.length > 0) {
  console.error(`\n${wrong.length} scenario(s) did not get the documented verdict.`);
  process.exit(1);
}
console.log(
  '\nEvery scenario got the verdict its README documents (exit code 1 = the gate blocks the merge).',
);
