// `npm run screenshots`: the PR comment for a pass, fail, unknown and crash report, rendered by
// cmark-gfm and screenshotted in Chromium with GitHub's markdown CSS, into docs/images/. Needs the
// same Debian packages as the render tests (`.ci/run` installs them). The TypeScript sources are
// loaded through Vite, which resolves their `.js` imports to `.ts` the way the tests do.
import { stat } from 'node:fs/promises';
import { runnerImport } from 'vite';

const load = async (path) => (await runnerImport(path, { configFile: false, logLevel: 'error' })).module;
const [
  { scenarioReport },
  { renderMarkdown },
  { renderGfm },
  { screenshotComment },
  { judgeRuns },
  fixtures,
] = await Promise.all([
  load('./test/report/scenario-report.ts'),
  load('./src/report/index.ts'),
  load('./test/support/gfm-render.ts'),
  load('./test/support/browser.ts'),
  load('./src/engine/engine.ts'),
  load('./test/support/engine-fixtures.ts'),
]);

// The action posts no comment when it throws (only a failed step), so "crash" is the closest the
// comment gets: a candidate workspace that cannot be read at all.
async function unreadableWorkspace() {
  const [config, baseline, candidate] = await Promise.all([
    fixtures.referenceConfig(),
    fixtures.evidence(fixtures.scenarioPath('slice-regression', 'baseline')),
    fixtures.evidence('fixtures/scenarios/does-not-exist/.contexta'),
  ]);
  return judgeRuns({ baseline, candidate, config });
}

const reports = {
  pass: () => scenarioReport('tabular-improves'),
  fail: () => scenarioReport('slice-regression'),
  unknown: () => scenarioReport('tabular-improves', { withoutBaseline: true }),
  crash: unreadableWorkspace,
};

// The first screen and a little more: what a reviewer judges the comment by, and small enough to
// keep each PNG well under 300 KB.
const MAX_HEIGHT = 1400;

for (const [name, report] of Object.entries(reports)) {
  const path = `docs/images/report-${name}.png`;
  const gate = await report();
  const shot = await screenshotComment(renderGfm(renderMarkdown(gate, { marker: 'pr-7' })), {
    width: 1000,
    path,
    maxHeight: MAX_HEIGHT,
  });
  await shot.close();
  console.log(`${path}: verdict ${gate.verdict}, ${Math.round((await stat(path)).size / 1024)} KiB`);
}
