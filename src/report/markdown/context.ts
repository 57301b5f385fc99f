/**
 * The evidence around the metrics: artifacts, environment, diagnostics, evidence gaps, findings,
 * which baseline was compared, and how the evidence was read.
 */
import { gapMessageWithPlaces } from '../../evidence/gaps.js';
import { formatBytes, formatDifference } from '../../format/numbers.js';
import type { GateReport } from '../../gates/types.js';
import type { BudgetRow, RowsPart } from '../budget.js';
import { tableHeader, tableRow } from '../escape.js';
import { code, count, folded, msg, phraseText, pluralise, row, type SectionContext, TIER } from './parts.js';

export function artifactSection(ctx: SectionContext): RowsPart | null {
  const rows: BudgetRow[] = [];
  for (const comparison of ctx.report.comparisons) {
    for (const artifact of comparison.artifacts) {
      const change = artifact.detail
        ? `${artifact.change} (${artifact.detail.replace(/_/g, ' ')})`
        : artifact.change;
      const growth =
        artifact.growthBytes === null
          ? '—'
          : formatDifference(
              artifact.growthBytes,
              artifact.growthPct === null ? null : artifact.growthPct / 100,
              formatBytes,
            );
      const cells = [
        code(artifact.kind),
        change,
        `${formatBytes(artifact.baselineSizeBytes)} ×${artifact.baselineCount}`,
        `${formatBytes(artifact.candidateSizeBytes)} ×${artifact.candidateCount}`,
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
  if (rows.length === 0) return null;
  const changed = rows.filter((r) => r.tier !== TIER.unchanged);
  const unchanged = rows.length - changed.length;
  const headers = ['Kind', 'Change', 'Baseline', 'Candidate', 'Growth'];
  if (ctx.withUnit) headers.unshift('Run');
  const summary = `${pluralise(changed.length, 'artifact kind')} changed${unchanged > 0 ? `, ${count(unchanged)} unchanged (not listed)` : ''}`;
  return folded('Artifacts', summary, changed, {
    ...(changed.length > 0 ? { tableHead: tableHeader(headers) } : { lead: 'No artifact changed.' }),
  });
}

export function environmentSection(ctx: SectionContext): RowsPart | null {
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
    const packages = [
      ...env.packagesChanged.map(
        (pkg) =>
          `package ${code(pkg.name)}: ${code(pkg.baseline ?? 'absent')} → ${code(pkg.candidate ?? 'absent')}`,
      ),
      ...env.packagesAdded.map((pkg) => `package added: ${code(pkg.name)} ${code(pkg.candidate ?? '')}`),
      ...env.packagesRemoved.map((pkg) => `package removed: ${code(pkg.name)} ${code(pkg.baseline ?? '')}`),
    ];
    for (const line of packages) rows.push(row(`- ${prefix}${line}`, TIER.minor, 'package changes'));
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
  return folded('Environment', pluralise(rows.length, 'line'), rows);
}

function severityTier(severity: 'error' | 'warning' | 'info'): number {
  return severity === 'error' ? TIER.important : severity === 'warning' ? TIER.supporting : TIER.detail;
}

const SEVERITY_EMOJI = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** "1 error, 2 info": what a folded list holds, so a reviewer knows whether to open it. */
function severityCounts(severities: ReadonlyArray<'error' | 'warning' | 'info'>): string {
  const parts = (['error', 'warning', 'info'] as const).flatMap((severity) => {
    const n = severities.filter((s) => s === severity).length;
    if (n === 0) return [];
    return [
      `${SEVERITY_EMOJI[severity]} ${severity === 'info' ? `${count(n)} info` : pluralise(n, severity)}`,
    ];
  });
  return parts.join(', ');
}

export function diagnosticsSection(report: GateReport): RowsPart | null {
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
  return folded('Diagnostics', severityCounts(diagnostics.map((d) => d.severity)), rows, {
    tableHead: tableHeader(['Severity', 'Side', 'Code', 'Stage', 'Summary']),
  });
}

/**
 * A list, not a table: a gap's message is a sentence and its location a long path, and a table
 * squeezes the path column until the path wraps mid-name.
 */
export function gapsSection(report: GateReport): RowsPart | null {
  const gaps = [
    ...report.gaps.candidate.map((gap) => ({ gap, side: 'candidate' as const })),
    ...report.gaps.baseline.map((gap) => ({ gap, side: 'baseline' as const })),
  ].sort((a, b) => SEVERITY_RANK[a.gap.severity] - SEVERITY_RANK[b.gap.severity]);
  const rows = gaps.map(({ gap, side }) => {
    const where =
      gap.file === undefined
        ? (gap.ref ?? null)
        : gap.line === undefined
          ? gap.file
          : `${gap.file}:${gap.line}`;
    return row(
      `- ${SEVERITY_EMOJI[gap.severity]} ${gap.severity} · ${side} · ${code(gap.code)}${where === null ? '' : ` at ${code(where)}`}: ${msg(gapMessageWithPlaces(gap))}`,
      severityTier(gap.severity),
      `${gap.severity} evidence gaps`,
    );
  });
  return folded('Evidence gaps', severityCounts(gaps.map((g) => g.gap.severity)), rows);
}

export function findingsSection(report: GateReport): RowsPart | null {
  const findings = [...report.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const rows = findings.map((f) =>
    row(
      `- ${SEVERITY_EMOJI[f.severity]} **${phraseText(f.title)}**${f.detail.text ? `: ${phraseText(f.detail, 300)}` : ''}`,
      severityTier(f.severity),
      `${f.severity} findings`,
    ),
  );
  return folded('Findings', severityCounts(findings.map((f) => f.severity)), rows);
}

function runNames(runs: GateReport['candidate']['runs']): string {
  if (runs.length === 0) return 'no runs';
  const shown = runs.slice(0, 3).map((r) => code(r.name));
  const names = runs.length > 3 ? `${shown.join(', ')}, … (+${runs.length - 3} more)` : shown.join(', ');
  return `${runs.length === 1 ? 'run' : 'runs'} ${names}`;
}

/** Only a plain https URL becomes a link; anything else is left out rather than shown half-trusted. */
export function safeUrl(url: string | undefined): string | null {
  if (url === undefined) return null;
  return /^https:\/\/[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+$/.test(url) && !/[()[\]<>]/.test(url) ? url : null;
}

/**
 * Which evidence was compared, by workflow run, commit, branch and age: names a reviewer can open.
 * Local paths are shown only in a terminal, where they are the reader's own; a runner's temp
 * folder means nothing in a pull request.
 */
export function baselineLine(ctx: SectionContext): string {
  const { report } = ctx;
  const context = report.context;
  const candidateParts = [
    context.sha ? `commit ${code(context.sha.slice(0, 12))}` : null,
    `${report.candidate.kind} ${runNames(report.candidate.runs)}`,
    ctx.audience === 'cli' ? code(report.candidate.root) : null,
  ].filter((p): p is string => p !== null);
  const candidate = `- **Candidate:** ${candidateParts.join(' · ')}`;
  if (report.baseline === null) {
    const why = context.baselineSource?.replace(/^No baseline: /, '');
    return `- **Baseline:** none${why ? ` — ${msg(why)}` : ''}. Nothing was compared, so no comparison gate could pass.\n${candidate}`;
  }
  const url = safeUrl(context.baselineRunUrl);
  const run =
    context.baselineRunId !== undefined
      ? url
        ? `[workflow run ${context.baselineRunId}](${url})`
        : `workflow run ${context.baselineRunId}`
      : null;
  const parts = [
    run,
    context.baselineSha ? `commit ${code(context.baselineSha.slice(0, 12))}` : null,
    context.baselineBranch ? `branch ${code(context.baselineBranch)}` : null,
    context.baselineAge ? msg(context.baselineAge) : null,
    context.baselineSource ? msg(context.baselineSource) : null,
    `${report.baseline.kind} ${runNames(report.baseline.runs)}`,
    ctx.audience === 'cli' ? code(report.baseline.root) : null,
  ].filter((p): p is string => p !== null);
  return `- **Baseline:** ${parts.join(' · ')}\n${candidate}`;
}

export function notesSection(report: GateReport): RowsPart | null {
  const notes = [
    ...(report.context.configSource ? [`gate config: ${report.context.configSource}`] : []),
    ...report.notes,
    ...report.comparisons.flatMap((c) => c.notes),
  ];
  const rows = [...new Set(notes)].map((n) => row(`- ${msg(n)}`, TIER.sampleList, 'notes'));
  return folded('How the evidence was read', pluralise(rows.length, 'note'), rows);
}
