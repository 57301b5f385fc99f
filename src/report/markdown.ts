/**
 * The sticky PR comment / job summary. Built for a reviewer with ten seconds: the verdict, why,
 * and what to fix come first; evidence follows in tables, long ones folded into `<details>`.
 *
 * Everything that came from a workspace, a config or a PR (names, messages, paths, logins) goes
 * through `escape.ts`. The document is assembled as budgeted parts so it always fits GitHub's
 * comment limit: the least important rows are left out first, and the comment says what was left
 * out and where the full report is.
 */
import type {
  MetricDelta,
  RunComparison,
  SampleComparison,
  SampleGroupComparison,
} from '../compare/types.js';
import type { GateCheck, GateReport, GateResult, Waiver } from '../gates/types.js';
import { type BudgetRow, type DocumentPart, fitToBudget, type Omission, type RowsPart } from './budget.js';
import { escapeText, inlineCode, tableHeader, tableRow } from './escape.js';
import {
  bytes,
  type CheckIndex,
  formatChange,
  formatDelta,
  formatInterval,
  formatNumber,
  formatPercent,
  formatStatistics,
  headlineReason,
  indexChecks,
  metricKey,
  metricLabel,
  OUTCOME_EMOJI,
  OUTCOME_RANK,
  rowStatistics,
  rowsNameUnit,
  significantChanges,
  VERDICT_EMOJI,
  VERDICT_LABEL,
} from './format.js';

export interface MarkdownOptions {
  /** Key of the hidden sticky-comment marker `<!-- contexta-gate:{key} -->`. */
  marker?: string;
  /** Character budget; GitHub rejects comments over 65,536 characters. */
  maxChars?: number;
  /** Link to the workflow run that holds the full report. */
  runUrl?: string;
}

export const DEFAULT_MAX_CHARS = 60_000;
export const DEFAULT_MARKER = 'report';

/**
 * Drop tiers, lowest kept longest. The order is the brief's: unchanged metric rows go first, then
 * passing slice rows, then long sample lists, then the rest of the supporting evidence.
 */
const TIER = {
  keep: 0,
  passingGate: 1,
  important: 2,
  supporting: 3,
  minor: 4,
  detail: 5,
  sampleList: 6,
  passingSlice: 7,
  unchanged: 8,
} as const;

/** Number of rows above which a table is folded into `<details>`. */
const FOLD_ROWS = 15;
/** Tripped checks listed per gate before the rest become droppable. */
const CHECKS_KEPT_PER_GATE = 5;
const NEXT_STEPS_KEPT = 5;
const MESSAGE_LENGTH = 400;

/** Marker keys go inside an HTML comment: no `--`, no `>`, nothing a user must not control. */
export function markerComment(key: string = DEFAULT_MARKER): string {
  const safe =
    key
      .replace(/[^A-Za-z0-9._/:-]/g, '-')
      .replace(/-{2,}/g, '-')
      .slice(0, 100) || DEFAULT_MARKER;
  return `<!-- contexta-gate:${safe} -->`;
}

function text(value: string): DocumentPart {
  return { kind: 'text', text: value };
}

function msg(value: string): string {
  return escapeText(value, { maxLength: MESSAGE_LENGTH });
}

function code(value: string): string {
  return inlineCode(value, { inTable: true });
}

function row(textValue: BudgetRow['text'], tier: number, what: string): BudgetRow {
  return { text: textValue, tier, what };
}

/** A section: heading, then (folded when long) the rows. */
function section(
  heading: string,
  rows: BudgetRow[],
  options: { tableHead?: string; summary?: string; fold?: boolean } = {},
): RowsPart | null {
  if (rows.length === 0) return null;
  const fold = options.fold ?? rows.length > FOLD_ROWS;
  const summary = options.summary ?? `${rows.length} rows`;
  return {
    kind: 'rows',
    open: fold ? `### ${heading}\n\n<details><summary>${summary}</summary>` : `### ${heading}`,
    rowsHead: options.tableHead,
    rows,
    close: fold ? '</details>' : '',
  };
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

function gatesByRank(report: GateReport): GateResult[] {
  return [...report.gates].sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome]);
}

function isTripped(gate: GateResult): boolean {
  return gate.outcome === 'fail' || gate.outcome === 'warn' || gate.outcome === 'waived';
}

// ---------------------------------------------------------------------------------------------
// Headline

function headline(report: GateReport, index: CheckIndex): string {
  const lines = [
    `## ${VERDICT_EMOJI[report.verdict]} ${VERDICT_LABEL[report.verdict]} — ${verdictSummary(report)}`,
  ];
  const why = reasonLine(report);
  if (why !== '') lines.push(`**Why:** ${why}`);
  const fix = report.nextSteps[0];
  // The engine's first step is often "fix <gate>: <the same reason>"; saying it twice wastes the line.
  if (
    fix !== undefined &&
    report.verdict !== 'pass' &&
    fix.replace(/^fix /, '') !== headlineReason(report.headline)
  ) {
    lines.push(`**Fix:** ${msg(fix)}`);
  }
  if (report.verdict === 'pass' || report.verdict === 'warn') {
    const changes = changeLine(report, index);
    if (changes !== '') lines.push(changes);
  }
  if (report.exit.outcome !== report.verdict) {
    lines.push(`**Check conclusion:** ${report.exit.outcome}, ${msg(report.exit.reason)}`);
  }
  return lines.join('\n\n');
}

function gateNames(gates: readonly GateResult[]): string {
  const names = gates.slice(0, 3).map((g) => msg(g.name));
  return gates.length > 3 ? `${names.join(', ')}, … (+${gates.length - 3})` : names.join(', ');
}

/** The heading's few words: how many gates did what. */
function verdictSummary(report: GateReport): string {
  const having = (outcome: GateResult['outcome']) => report.gates.filter((g) => g.outcome === outcome);
  const total = report.gates.length;
  switch (report.verdict) {
    case 'fail': {
      const failed = having('fail');
      return `${count(failed.length)} of ${pluralise(total, 'gate')} failed: ${gateNames(failed)}`;
    }
    case 'warn': {
      const warned = having('warn');
      return `${count(warned.length)} of ${pluralise(total, 'gate')} warned: ${gateNames(warned)}`;
    }
    case 'unknown': {
      const undecided = having('unknown');
      return `not enough evidence to decide${undecided.length > 0 ? ` (${gateNames(undecided)} could not judge)` : ''}`;
    }
    default: {
      const passed = having('pass').length;
      const waived = having('waived');
      const skipped = having('skipped').length;
      const extra = [
        waived.length > 0 ? `${waived.length} waived: ${gateNames(waived)}` : '',
        skipped > 0 ? `${skipped} skipped` : '',
      ].filter((s) => s !== '');
      return `${count(passed)} of ${pluralise(total, 'gate')} passed${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`;
    }
  }
}

/**
 * The engine's headline minus its verdict label: for every verdict but pass it names each
 * deciding gate with its worst row, which is the reason in one line.
 */
function reasonLine(report: GateReport): string {
  if (report.baseline === null) {
    return 'no baseline evidence was found, so nothing could be compared; missing evidence is not a pass.';
  }
  if (report.verdict === 'pass') return '';
  return msg(headlineReason(report.headline));
}

/** For a pass or warn: did anything move by more than noise? */
function changeLine(report: GateReport, index: CheckIndex): string {
  const { tested, untested, significant } = significantChanges(report, index);
  const untestedText =
    untested > 0
      ? `; ${pluralise(untested, 'metric')} without sample evidence judged by thresholds only`
      : '';
  if (significant.length === 0) {
    if (tested === 0) return untested > 0 ? `No metric could be tested for significance${untestedText}.` : '';
    return `**No significant change:** no tested metric's 95% interval excludes zero (${tested} tested${untestedText}).`;
  }
  const shown = significant.slice(0, 3).map(({ delta, interval }) => {
    const label = metricLabel(delta.stage, delta.key, null);
    return `${code(label)} ${formatChange(delta)} ${formatDelta(delta.delta)} (${formatInterval(interval)})`;
  });
  const more = significant.length > 3 ? `, … (+${significant.length - 3})` : '';
  return `**Significant changes:** ${shown.join('; ')}${more}.`;
}

// ---------------------------------------------------------------------------------------------
// Gates

function gateTable(report: GateReport): RowsPart | null {
  const rows = gatesByRank(report).map((gate) => {
    const saw = gate.worst?.reason ?? gate.message;
    const limit = gate.worst?.limit ?? '';
    const name = gate.severity === 'warn' ? `${msg(gate.name)} _(warn only)_` : msg(gate.name);
    const outcome = `${OUTCOME_EMOJI[gate.outcome]} ${gate.outcome}`;
    const cells = [outcome, name, msg(saw), limit === '' ? '—' : msg(limit)];
    const keep = gate.outcome !== 'pass' && gate.outcome !== 'skipped';
    return row(tableRow(cells), keep ? TIER.keep : TIER.passingGate, 'passing gate rows');
  });
  return section('Gates', rows, {
    tableHead: tableHeader(['Outcome', 'Gate', 'What it saw', 'Threshold']),
    fold: false,
  });
}

/** Every tripped or undecided check per gate, with the engine's reason for each. */
function failingChecks(report: GateReport): RowsPart | null {
  const rows: BudgetRow[] = [];
  for (const gate of gatesByRank(report)) {
    if (!isTripped(gate) && gate.outcome !== 'unknown') continue;
    const checks = gate.checks.filter((c) => c.outcome !== 'pass');
    if (checks.length <= 1) continue;
    rows.push(
      row(
        `- ${OUTCOME_EMOJI[gate.outcome]} **${msg(gate.name)}**: ${pluralise(checks.length, 'check')} did not pass`,
        TIER.keep,
        'gate headers',
      ),
    );
    checks.forEach((check, i) => {
      const tier = i < CHECKS_KEPT_PER_GATE ? TIER.keep : TIER.supporting;
      rows.push(row(`  - ${checkLine(check)}`, tier, 'further failing checks'));
    });
  }
  const gates = rows.filter((r) => r.what === 'gate headers').length;
  return section('Failing checks', rows, {
    summary: `${pluralise(rows.length - gates, 'check')} in ${pluralise(gates, 'gate')}`,
  });
}

function checkLine(check: GateCheck): string {
  const label = metricLabel(check.stage, check.metric, check.slice) || check.subject || check.unit;
  const stats = formatStatistics(check.interval, check.pValue);
  const waiver = check.waiver ? ` — 🟡 waived: ${waiverText(check.waiver)}` : '';
  // The engine's reasons usually name the row already; only add the label when they do not.
  const subject = check.reason.includes(label) ? '' : `${code(label)}: `;
  return `${check.outcome}: ${subject}${msg(check.reason)}${stats ? ` (${stats})` : ''}${waiver}`;
}

// ---------------------------------------------------------------------------------------------
// Metrics and slices

interface MetricRowContext {
  report: GateReport;
  index: CheckIndex;
  withUnit: boolean;
}

function metricCells(ctx: MetricRowContext, comparison: RunComparison, delta: MetricDelta): string[] {
  const key = metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice);
  const statistics = rowStatistics(ctx.report, ctx.index, comparison, delta);
  const stats = statistics ? formatStatistics(statistics.interval, statistics.pValue) : '';
  const flagged = ctx.index.flagged.get(key) ?? [];
  const flags = [...flagged]
    .sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome])
    .map((c) => FLAG[c.outcome]);
  const change = [formatChange(delta), ...new Set(flags)].join(' · ');
  const pct = formatPercent(delta.relativeChange);
  const cells = [
    delta.stage === null ? '_run_' : code(delta.stage),
    code(delta.batch === null ? delta.key : `${delta.key} [${delta.batch}]`),
  ];
  if (delta.slice !== null) cells.push(code(delta.slice));
  cells.push(
    formatNumber(delta.baseline),
    formatNumber(delta.candidate),
    `${formatDelta(delta.delta)}${pct ? ` (${pct})` : ''}`,
    stats === '' ? '—' : stats,
    evidenceFlags(delta, change),
  );
  if (ctx.withUnit) cells.unshift(code(comparison.unit));
  return cells;
}

const FLAG: Readonly<Record<GateCheck['outcome'], string>> = {
  fail: '❌ trips a gate',
  warn: '⚠️ warns',
  unknown: '❔ undecided',
  waived: '🟡 waived',
  pass: '',
};

/** Degraded, partial or non-finite evidence on a row must show on that row. */
function evidenceFlags(delta: MetricDelta, change: string): string {
  const flags: string[] = [];
  if (delta.baselineDegraded || delta.candidateDegraded) flags.push('⚠️ degraded');
  if (delta.baselinePartial || delta.candidatePartial) flags.push('⚠️ partial');
  if (delta.baselineNonFinite + delta.candidateNonFinite > 0) flags.push('⚠️ non-finite values');
  if (delta.reason !== null) flags.push(msg(delta.reason));
  return [change, ...flags].join(' · ');
}

function metricTier(
  ctx: MetricRowContext,
  comparison: RunComparison,
  delta: MetricDelta,
  sliced: boolean,
): number {
  const key = metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice);
  if (ctx.index.flagged.has(key)) return TIER.keep;
  if (delta.status !== 'compared') return TIER.important;
  if (delta.change === 'unchanged') return TIER.unchanged;
  if (sliced) return TIER.passingSlice;
  if (delta.change === 'worse') return TIER.important;
  if (delta.change === 'better') return TIER.supporting;
  return TIER.minor;
}

const TIER_WHAT: Readonly<Record<number, string>> = {
  [TIER.keep]: 'metric rows a gate flagged',
  [TIER.important]: 'worse, added or removed metric rows',
  [TIER.supporting]: 'improved metric rows',
  [TIER.minor]: 'neutral metric rows',
  [TIER.passingSlice]: 'passing slice rows',
  [TIER.unchanged]: 'unchanged metric rows',
};

/** How far a row moved, for ordering: worse rows first, then the largest relative change. */
function movement(delta: MetricDelta): number {
  const size = Math.abs(delta.relativeChange ?? delta.delta ?? 0);
  return delta.change === 'worse' ? size + 1e9 : size;
}

function metricSection(ctx: MetricRowContext, sliced: boolean): RowsPart | null {
  const entries: Array<{
    tier: number;
    order: number;
    movement: number;
    comparison: RunComparison;
    delta: MetricDelta;
  }> = [];
  const counts = { worse: 0, better: 0, unchanged: 0, other: 0, tripped: 0 };
  for (const comparison of ctx.report.comparisons) {
    for (const delta of comparison.metrics) {
      if ((delta.slice !== null) !== sliced) continue;
      const tier = metricTier(ctx, comparison, delta, sliced);
      if (tier === TIER.keep) counts.tripped++;
      if (delta.change === 'worse') counts.worse++;
      else if (delta.change === 'better') counts.better++;
      else if (delta.change === 'unchanged') counts.unchanged++;
      else counts.other++;
      entries.push({ tier, order: entries.length, movement: movement(delta), comparison, delta });
    }
  }
  if (entries.length === 0) return null;
  // Most important rows first, so a list that loses rows keeps its head; rows are rendered only
  // if the budget keeps them.
  entries.sort((a, b) => a.tier - b.tier || b.movement - a.movement || a.order - b.order);
  const rows = entries.map((e) =>
    row(() => tableRow(metricCells(ctx, e.comparison, e.delta)), e.tier, TIER_WHAT[e.tier]!),
  );
  const headers = [
    'Stage',
    'Metric',
    ...(sliced ? ['Slice'] : []),
    'Baseline',
    'Candidate',
    'Δ',
    'Interval / p',
    'Change',
  ];
  if (ctx.withUnit) headers.unshift('Run');
  const summaryParts = [
    counts.tripped > 0 ? `${count(counts.tripped)} flagged by a gate` : '',
    `${count(counts.worse)} worse`,
    `${count(counts.better)} better`,
    `${count(counts.unchanged)} unchanged`,
    counts.other > 0 ? `${count(counts.other)} other` : '',
  ].filter((s) => s !== '');
  const noun = sliced ? 'slice rows' : 'metrics';
  return section(sliced ? 'Slices' : 'Metric changes', rows, {
    tableHead: tableHeader(
      headers,
      headers.map((h) => (['Baseline', 'Candidate', 'Δ'].includes(h) ? 'right' : 'left')),
    ),
    summary: `${pluralise(entries.length, sliced ? 'slice row' : 'metric', noun)}: ${summaryParts.join(', ')}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Samples

function nameList(names: string[], count: number): string {
  const shown = names.map((n) => code(n)).join(', ');
  const more = count - names.length;
  return more > 0 ? `${shown}, … (+${more.toLocaleString('en-US')} more)` : shown;
}

function sliceTripped(
  ctx: MetricRowContext,
  comparison: RunComparison,
  stage: string,
  slice: string | null,
): boolean {
  for (const gate of ctx.report.gates) {
    for (const check of gate.checks) {
      if (check.outcome === 'pass') continue;
      if (
        check.project === comparison.project &&
        check.unit === comparison.unit &&
        check.stage === stage &&
        check.slice === slice
      ) {
        return true;
      }
    }
  }
  return false;
}

function sampleGroupLine(group: SampleGroupComparison): string | null {
  const binary = group.binary;
  if (binary === null || binary.newlyFailing.count === 0) return null;
  const rates =
    `${formatPercent(binary.baselineRate)} → ${formatPercent(binary.candidateRate)} passing`.replace(
      /\+/g,
      '',
    );
  const recovered =
    binary.newlyPassing.count > 0
      ? `; ${binary.newlyPassing.count.toLocaleString('en-US')} newly passing`
      : '';
  return `${binary.newlyFailing.count.toLocaleString('en-US')} newly failing (${rates}${recovered}): ${nameList(binary.newlyFailing.names, binary.newlyFailing.count)}`;
}

function unpairedLine(group: SampleGroupComparison): string | null {
  const parts: string[] = [];
  if (group.baselineOnly.count > 0)
    parts.push(`${group.baselineOnly.count.toLocaleString('en-US')} only in the baseline`);
  if (group.candidateOnly.count > 0)
    parts.push(`${group.candidateOnly.count.toLocaleString('en-US')} only in the candidate`);
  return parts.length === 0 ? null : `unpaired samples (not tested): ${parts.join(', ')}`;
}

function samplesSection(ctx: MetricRowContext): RowsPart | null {
  const rows: BudgetRow[] = [];
  for (const comparison of ctx.report.comparisons) {
    for (const samples of comparison.samples) {
      rows.push(...sampleRows(ctx, comparison, samples));
    }
  }
  return section('Per-sample changes', rows, { summary: pluralise(rows.length, 'line') });
}

function sampleRows(
  ctx: MetricRowContext,
  comparison: RunComparison,
  samples: SampleComparison,
): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const where = code(`${ctx.withUnit ? `${comparison.unit}: ` : ''}${samples.stage}/${samples.key}`);
  const overall = sampleGroupLine(samples.overall);
  const unpaired = unpairedLine(samples.overall);
  if (overall === null && unpaired === null) return rows;
  const overallTier = sliceTripped(ctx, comparison, samples.stage, null) ? TIER.keep : TIER.important;
  rows.push(
    row(
      `- ${where}: ${[overall, unpaired].filter((s) => s !== null).join('; ')}`,
      overallTier,
      'sample lists',
    ),
  );
  for (const group of samples.slices) {
    const line = sampleGroupLine(group);
    if (line === null) continue;
    const tier = sliceTripped(ctx, comparison, samples.stage, group.slice) ? TIER.keep : TIER.sampleList;
    rows.push(row(`  - slice ${code(group.slice ?? 'none')}: ${line}`, tier, 'per-slice sample lists'));
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Artifacts, environment, diagnostics, gaps

function artifactSection(ctx: MetricRowContext): RowsPart | null {
  const rows: BudgetRow[] = [];
  for (const comparison of ctx.report.comparisons) {
    for (const artifact of comparison.artifacts) {
      const change = artifact.detail
        ? `${artifact.change} (${artifact.detail.replace(/_/g, ' ')})`
        : artifact.change;
      const growth =
        artifact.growthBytes === null
          ? '—'
          : `${artifact.growthBytes >= 0 ? '+' : '−'}${bytes(Math.abs(artifact.growthBytes))}${artifact.growthPct === null ? '' : ` (${formatPercent(artifact.growthPct / 100)})`}`;
      const cells = [
        code(artifact.kind),
        change,
        `${bytes(artifact.baselineSizeBytes)} ×${artifact.baselineCount}`,
        `${bytes(artifact.candidateSizeBytes)} ×${artifact.candidateCount}`,
        growth,
      ];
      if (ctx.withUnit) cells.unshift(code(comparison.unit));
      const tier = artifact.change === 'unchanged' ? TIER.unchanged : TIER.supporting;
      rows.push(
        row(
          tableRow(cells),
          tier,
          artifact.change === 'unchanged' ? 'unchanged artifact rows' : 'artifact rows',
        ),
      );
    }
  }
  if (rows.every((r) => r.tier === TIER.unchanged) && rows.length > 0) {
    return {
      kind: 'rows',
      open: `### Artifacts\n\n${pluralise(rows.length, 'artifact kind')}, all unchanged.`,
      rows: [],
      close: '',
    };
  }
  rows.sort((a, b) => a.tier - b.tier);
  const headers = ['Kind', 'Change', 'Baseline', 'Candidate', 'Growth'];
  if (ctx.withUnit) headers.unshift('Run');
  return section('Artifacts', rows, {
    tableHead: tableHeader(headers),
    summary: pluralise(rows.length, 'artifact kind'),
  });
}

function environmentSection(ctx: MetricRowContext): RowsPart | null {
  const rows: BudgetRow[] = [];
  for (const comparison of ctx.report.comparisons) {
    const env = comparison.environment;
    const prefix = ctx.withUnit ? `${code(comparison.unit)}: ` : '';
    if (env.status !== 'compared') {
      const missing = {
        baseline_missing: 'the baseline',
        candidate_missing: 'the candidate',
        both_missing: 'either run',
      }[env.status];
      rows.push(
        row(
          `- ${prefix}❔ no environment snapshot for ${missing}: environment changes cannot be checked`,
          TIER.important,
          'environment rows',
        ),
      );
      continue;
    }
    if (!env.changed) continue;
    for (const [name, value] of [
      ['Python', env.python],
      ['platform', env.platform],
    ] as const) {
      if (value?.changed)
        rows.push(
          row(
            `- ${prefix}${name}: ${code(value.baseline ?? 'absent')} → ${code(value.candidate ?? 'absent')}`,
            TIER.supporting,
            'environment rows',
          ),
        );
    }
    for (const pkg of env.packagesChanged) {
      rows.push(
        row(
          `- ${prefix}package ${code(pkg.name)}: ${code(pkg.baseline ?? 'absent')} → ${code(pkg.candidate ?? 'absent')}`,
          TIER.minor,
          'package changes',
        ),
      );
    }
    for (const pkg of env.packagesAdded) {
      rows.push(
        row(
          `- ${prefix}package added: ${code(pkg.name)} ${code(pkg.candidate ?? '')}`,
          TIER.minor,
          'package changes',
        ),
      );
    }
    for (const pkg of env.packagesRemoved) {
      rows.push(
        row(
          `- ${prefix}package removed: ${code(pkg.name)} ${code(pkg.baseline ?? '')}`,
          TIER.minor,
          'package changes',
        ),
      );
    }
    const vars: string[] = [
      ...env.variableNamesAdded.map((v) => `+${v}`),
      ...env.variableNamesRemoved.map((v) => `−${v}`),
    ];
    if (vars.length > 0)
      rows.push(
        row(
          `- ${prefix}environment variable names: ${vars.map((v) => code(v)).join(', ')}`,
          TIER.detail,
          'environment rows',
        ),
      );
  }
  return section('Environment changes', rows, { summary: pluralise(rows.length, 'change') });
}

function severityTier(severity: 'error' | 'warning' | 'info'): number {
  return severity === 'error' ? TIER.important : severity === 'warning' ? TIER.supporting : TIER.detail;
}

const SEVERITY_EMOJI = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

function diagnosticsSection(report: GateReport): RowsPart | null {
  const diagnostics = [...report.diagnostics].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.side === b.side ? 0 : a.side === 'candidate' ? -1 : 1),
  );
  const rows = diagnostics.map((d) =>
    row(
      tableRow([
        `${SEVERITY_EMOJI[d.severity]} ${d.severity}`,
        d.side,
        code(d.code),
        d.stage === null ? '—' : code(d.stage),
        msg(d.summary),
      ]),
      severityTier(d.severity),
      `${d.severity} diagnostics`,
    ),
  );
  return section('Diagnostics', rows, {
    tableHead: tableHeader(['Severity', 'Side', 'Code', 'Stage', 'Summary']),
    summary: pluralise(rows.length, 'diagnostic'),
  });
}

function gapsSection(report: GateReport): RowsPart | null {
  const gaps = [
    ...report.gaps.candidate.map((gap) => ({ gap, side: 'candidate' as const })),
    ...report.gaps.baseline.map((gap) => ({ gap, side: 'baseline' as const })),
  ].sort((a, b) => SEVERITY_RANK[a.gap.severity] - SEVERITY_RANK[b.gap.severity]);
  const rows = gaps.map(({ gap, side }) => {
    const where =
      gap.file === undefined
        ? (gap.ref ?? '—')
        : gap.line === undefined
          ? gap.file
          : `${gap.file}:${gap.line}`;
    return row(
      tableRow([
        `${SEVERITY_EMOJI[gap.severity]} ${gap.severity}`,
        side,
        code(gap.code),
        where === '—' ? where : code(where),
        msg(gap.message),
      ]),
      severityTier(gap.severity),
      `${gap.severity} evidence gaps`,
    );
  });
  const errors = gaps.filter((g) => g.gap.severity === 'error').length;
  return section('Evidence gaps', rows, {
    tableHead: tableHeader(['Severity', 'Side', 'Code', 'Where', 'What is missing or unusable']),
    summary: `${pluralise(rows.length, 'gap')} (${errors} error${errors === 1 ? '' : 's'})`,
  });
}

function findingsSection(report: GateReport): RowsPart | null {
  const findings = [...report.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const rows = findings.map((f) =>
    row(
      `- ${SEVERITY_EMOJI[f.severity]} **${msg(f.title)}**${f.detail ? `: ${escapeText(f.detail, { maxLength: 300 })}` : ''}`,
      severityTier(f.severity),
      `${f.severity} findings`,
    ),
  );
  return section('Findings', rows, { summary: pluralise(rows.length, 'finding') });
}

// ---------------------------------------------------------------------------------------------
// Waivers, baseline, next steps

function waiverText(waiver: Waiver): string {
  const target = waiver.slice === null ? waiver.target : `${waiver.target}@${waiver.slice}`;
  return `${code(target)} by ${msg(waiver.grantedBy)} via ${waiver.source}: ${msg(waiver.reason)}`;
}

function waiversSection(report: GateReport): RowsPart | null {
  const rows: BudgetRow[] = [
    ...report.waivers.accepted.map((w) =>
      row(`- 🟡 accepted: ${waiverText(w)}`, TIER.keep, 'accepted waivers'),
    ),
    ...report.waivers.rejected.map((w) =>
      row(
        `- ✋ rejected: ${code(w.text)} by ${msg(w.grantedBy)} via ${w.source}: ${msg(w.reason)}`,
        TIER.important,
        'rejected waivers',
      ),
    ),
    ...report.waivers.unused.map((w) =>
      row(`- ▫️ unused (matched nothing that failed): ${waiverText(w)}`, TIER.supporting, 'unused waivers'),
    ),
  ];
  return section('Waivers', rows, { fold: false });
}

function runList(runs: GateReport['candidate']['runs']): string {
  if (runs.length === 0) return 'no runs';
  const shown = runs
    .slice(0, 5)
    .map((r) => `${code(r.name)} (${code(r.ref)}, status ${r.status ?? 'unknown'})`);
  return runs.length > 5 ? `${shown.join(', ')}, … (+${runs.length - 5} more)` : shown.join(', ');
}

function baselineSection(report: GateReport): string {
  const lines = ['### Baseline'];
  const context = report.context;
  if (report.baseline === null) {
    // The source then says why there is none (expired, never promoted, first run…): lead with it.
    const why = context.baselineSource?.replace(/^No baseline: /, '');
    lines.push(
      why
        ? `- ❔ **No baseline**: ${msg(why)}. Nothing was compared, so no comparison gate could pass.`
        : '- ❔ **No baseline**: nothing was compared, so no comparison gate could pass.',
    );
  } else {
    lines.push(
      `- Baseline: ${report.baseline.kind} evidence at ${code(report.baseline.root)}, ${runList(report.baseline.runs)}`,
    );
    if (context.baselineSource) lines.push(`- Chosen from: ${msg(context.baselineSource)}`);
  }
  if (context.baselineSha) lines.push(`- Baseline commit: ${code(context.baselineSha)}`);
  lines.push(
    `- Candidate: ${report.candidate.kind} evidence at ${code(report.candidate.root)}, ${runList(report.candidate.runs)}`,
  );
  if (context.sha) lines.push(`- Candidate commit: ${code(context.sha)}`);
  lines.push(`- Gate config: ${context.configSource ? msg(context.configSource) : 'not recorded'}`);
  return lines.join('\n');
}

function notesSection(report: GateReport): RowsPart | null {
  const notes = [...report.notes, ...report.comparisons.flatMap((c) => c.notes)];
  const rows = [...new Set(notes)].map((n) => row(`- ${msg(n)}`, TIER.sampleList, 'notes'));
  return section('How the evidence was read', rows, { fold: true, summary: pluralise(rows.length, 'note') });
}

function nextStepsSection(report: GateReport): RowsPart | null {
  const rows = report.nextSteps.map((step, i) =>
    row(`${i + 1}. ${msg(step)}`, i < NEXT_STEPS_KEPT ? TIER.keep : TIER.supporting, 'further next steps'),
  );
  return section('Recommended next steps', rows, { fold: false });
}

/** Only a plain https URL becomes a link; anything else is shown as text. */
function runLink(runUrl: string | undefined): string {
  if (runUrl === undefined) return '';
  return /^https:\/\/[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+$/.test(runUrl) && !/[()[\]<>]/.test(runUrl)
    ? `[workflow run](${runUrl})`
    : escapeText(runUrl);
}

function footer(report: GateReport, runUrl: string | undefined): string {
  const link = runLink(runUrl);
  return `<sub>contexta/gate · report schema v${report.schemaVersion}${link ? ` · full report: ${link}` : ''}</sub>`;
}

function describeOmissions(runUrl: string | undefined): (omissions: Omission[], cut: boolean) => string {
  return (omissions, cut) => {
    const left = omissions.map((o) => `${o.what} (${o.count.toLocaleString('en-US')})`).join(', ');
    const where = runLink(runUrl);
    const full = `The full report is in the JSON report artifact and the job summary${where ? ` of the ${where}` : ''}.`;
    const what = left === '' ? '' : ` Left out: ${left}.`;
    const cutText = cut ? ' The rest of the comment was cut after the last line shown.' : '';
    return `> [!NOTE]\n> This comment was shortened to fit GitHub's comment size limit.${what}${cutText} ${full}`;
  };
}

export function renderMarkdown(report: GateReport, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const ctx: MetricRowContext = {
    report,
    index: indexChecks(report),
    withUnit: rowsNameUnit(report),
  };
  const parts: Array<DocumentPart | null> = [
    text(`${markerComment(options.marker)}\n${headline(report, ctx.index)}`),
    { kind: 'note' },
    gateTable(report),
    failingChecks(report),
    findingsSection(report),
    metricSection(ctx, false),
    metricSection(ctx, true),
    samplesSection(ctx),
    artifactSection(ctx),
    environmentSection(ctx),
    diagnosticsSection(report),
    gapsSection(report),
    waiversSection(report),
    text(baselineSection(report)),
    nextStepsSection(report),
    notesSection(report),
    text(footer(report, options.runUrl)),
  ];
  return fitToBudget(
    parts.filter((p): p is DocumentPart => p !== null),
    { maxChars, describeOmissions: describeOmissions(options.runUrl) },
  ).markdown;
}
