/**
 * The evidence around the metrics: artifacts, environment, diagnostics, evidence gaps, findings,
 * which baseline was compared, and how the evidence was read.
 */
import { formatBytes, formatDifference } from '../../format/numbers.js';
import type { GateReport } from '../../gates/types.js';
import type { BudgetRow, RowsPart } from '../budget.js';
import { escapeText, tableHeader, tableRow } from '../escape.js';
import { code, msg, pluralise, row, type SectionContext, section, TIER } from './parts.js';

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
  return section('Environment changes', rows, { summary: pluralise(rows.length, 'change') });
}

function severityTier(severity: 'error' | 'warning' | 'info'): number {
  return severity === 'error' ? TIER.important : severity === 'warning' ? TIER.supporting : TIER.detail;
}

const SEVERITY_EMOJI = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

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
  return section('Diagnostics', rows, {
    tableHead: tableHeader(['Severity', 'Side', 'Code', 'Stage', 'Summary']),
    summary: pluralise(rows.length, 'diagnostic'),
  });
}

export function gapsSection(report: GateReport): RowsPart | null {
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

export function findingsSection(report: GateReport): RowsPart | null {
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

function runList(runs: GateReport['candidate']['runs']): string {
  if (runs.length === 0) return 'no runs';
  const shown = runs
    .slice(0, 5)
    .map((r) => `${code(r.name)} (${code(r.ref)}, status ${r.status ?? 'unknown'})`);
  return runs.length > 5 ? `${shown.join(', ')}, … (+${runs.length - 5} more)` : shown.join(', ');
}

export function baselineSection(report: GateReport): string {
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

export function notesSection(report: GateReport): RowsPart | null {
  const notes = [...report.notes, ...report.comparisons.flatMap((c) => c.notes)];
  const rows = [...new Set(notes)].map((n) => row(`- ${msg(n)}`, TIER.sampleList, 'notes'));
  return section('How the evidence was read', rows, { fold: true, summary: pluralise(rows.length, 'note') });
}
