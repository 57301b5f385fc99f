/**
 * The sticky PR comment / job summary, and the CLI's `--format markdown` (the same body, with advice
 * for a terminal). Built for a reviewer with ten seconds: the first screen holds the verdict, the
 * cause in one line, the next steps (fix, re-run, or waive with lines to copy) and a compact gate
 * table; everything else is folded into one level of `<details>` each.
 *
 * Everything that came from a workspace, a config or a PR (names, messages, paths, logins) goes
 * through `escape.ts`. The document is assembled as budgeted parts so it always fits GitHub's
 * comment limit: the least important rows are left out first, and the comment says what was left
 * out and where the full report is.
 */
import { formatDifference, formatInterval, metricLabel } from '../../format/numbers.js';
import { phrase } from '../../format/phrase.js';
import { headlineGates } from '../../gates/results.js';
import type { GateReport, GateResult } from '../../gates/types.js';
import type { Audience } from '../advice.js';
import { type DocumentPart, fitToBudget, type Omission } from '../budget.js';
import {
  type CheckIndex,
  changeArrow,
  gateReason,
  headlineReason,
  indexChecks,
  rowsNameUnit,
  significantChanges,
  VERDICT_EMOJI,
  VERDICT_LABEL,
} from '../format.js';
import { sliceChart } from './chart.js';
import {
  artifactSection,
  baselineLine,
  diagnosticsSection,
  environmentSection,
  findingsSection,
  gapsSection,
  notesSection,
  safeUrl,
} from './context.js';
import { failingChecks, gateTable, nextStepsSection, waiversSection } from './gates.js';
import { metricSection } from './metrics.js';
import { code, count, msg, phraseText, pluralise, type SectionContext, text } from './parts.js';
import { samplesSection } from './samples.js';

export interface MarkdownOptions {
  /** Key of the hidden sticky-comment marker `<!-- contexta-gate:{key} -->`. */
  marker?: string;
  /** Character budget; GitHub rejects comments over 65,536 characters. */
  maxChars?: number;
  /** Link to the workflow run that holds the full report. */
  runUrl?: string;
  /** Where the report is read: advice names workflow steps for `action`, flags for `cli`. Default `action`. */
  audience?: Audience;
}

export const DEFAULT_MAX_CHARS = 60_000;
export const DEFAULT_MARKER = 'report';
/** The Why line's length, as the headline it stands for. */
const WHY_LENGTH = 400;

/** Marker keys go inside an HTML comment: no `--`, no `>`, nothing a user must not control. */
export function markerComment(key: string = DEFAULT_MARKER): string {
  const safe =
    key
      .replace(/[^A-Za-z0-9._/:-]/g, '-')
      .replace(/-{2,}/g, '-')
      .slice(0, 100) || DEFAULT_MARKER;
  return `<!-- contexta-gate:${safe} -->`;
}

function headline(report: GateReport, index: CheckIndex): string {
  const lines = [
    `## ${VERDICT_EMOJI[report.verdict]} ${VERDICT_LABEL[report.verdict]} — ${verdictSummary(report)}`,
  ];
  const why = reasonLine(report);
  if (why !== '') lines.push(`**Why:** ${why}`);
  if (report.verdict === 'pass' || report.verdict === 'warn') {
    const changes = changeLine(report, index);
    if (changes !== '') lines.push(changes);
  }
  if (report.exit.outcome !== report.verdict) {
    lines.push(`**Check conclusion:** ${report.exit.outcome}, ${msg(report.exit.reason)}`);
  }
  // Which config judged this PR belongs beside the verdict: defaults in use, or a config change
  // of this PR that only applies after merge.
  for (const notice of report.configNotices ?? []) lines.push(`**Config:** ${msg(notice)}`);
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
  const gates = headlineGates(report.verdict, report.gates);
  if (gates.length === 0) return report.verdict === 'pass' ? '' : msg(headlineReason(report.headline));
  // The headline's words, with each row name quoted: built from the gates, not parsed from the
  // text, and as short as the headline's own cap.
  const shown: string[] = [];
  let left = WHY_LENGTH;
  for (const gate of gates) {
    if (left <= 0) break;
    const reason = phrase`${gate.name}: ${gateReason(gate)}`;
    shown.push(phraseText(reason, left));
    left -= reason.text.length + 3;
  }
  const more = gates.length - shown.length;
  return shown.join(' \\| ') + (more > 0 ? ` \\| … (+${count(more)} more)` : '');
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
    return `**No significant change:** no tested metric's interval excludes zero (${tested} tested${untestedText}).`;
  }
  const shown = significant.slice(0, 3).map(({ delta, interval }) => {
    const label = metricLabel(delta.stage, delta.key, null);
    return `${code(label)} ${changeArrow(delta)} ${formatDifference(delta.delta, delta.relativeChange)}, ${formatInterval(interval)}`;
  });
  const more = significant.length > 3 ? `, … (+${significant.length - 3})` : '';
  return `**Significant changes:** ${shown.join('; ')}${more}.`;
}

function runLink(runUrl: string | undefined): string {
  const url = safeUrl(runUrl);
  return url === null ? '' : `[workflow run](${url})`;
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
  const ctx: SectionContext = {
    report,
    index: indexChecks(report),
    withUnit: rowsNameUnit(report),
    audience: options.audience ?? 'action',
  };
  const chart = sliceChart(report);
  const parts: Array<DocumentPart | null> = [
    text(`${markerComment(options.marker)}\n${headline(report, ctx.index)}`),
    { kind: 'note' },
    nextStepsSection(ctx),
    gateTable(report),
    waiversSection(report),
    text(baselineLine(ctx)),
    failingChecks(report),
    metricSection(ctx, true, chart ?? undefined),
    metricSection(ctx, false),
    samplesSection(ctx),
    findingsSection(report),
    artifactSection(ctx),
    environmentSection(ctx),
    diagnosticsSection(report),
    gapsSection(report),
    notesSection(report),
    text(footer(report, options.runUrl)),
  ];
  return fitToBudget(
    parts.filter((p): p is DocumentPart => p !== null),
    { maxChars, describeOmissions: describeOmissions(options.runUrl) },
  ).markdown;
}
