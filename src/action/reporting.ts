/**
 * Everything the action says about a finished gate: report files, step outputs, the job summary,
 * the sticky comment or review, the check run, and the one-line failure reason.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import type { GateReport } from '../gates/types.js';
import {
  ANNOTATIONS_PER_REQUEST,
  type CheckAnnotation,
  type GitHubClient,
  truncate,
} from '../github/client.js';
import { GitHubPermissionError } from '../github/errors.js';
import { renderMarkdown } from '../report/index.js';
import { renderJson } from '../report/json.js';
import type { ResolvedBaseline } from './baseline.js';
import { redact } from './redaction.js';
import type { FailOn, Settings } from './settings.js';
import {
  type CommentPlan,
  commentMarker,
  fingerprintMarker,
  isOurs,
  ourComments,
  planStickyComment,
  reportFingerprint,
} from './sticky-comment.js';

/** GitHub rejects step summaries over 1 MiB; keep well under it. */
const MAX_SUMMARY_BYTES = 900 * 1024;
export const CHECK_NAME = 'contexta-gate';

export interface ReportFiles {
  json: string;
  markdown: string;
}

export async function writeReportFiles(
  dir: string,
  report: GateReport,
  markdown: string,
): Promise<ReportFiles> {
  await fs.mkdir(dir, { recursive: true });
  const files = { json: path.join(dir, 'report.json'), markdown: path.join(dir, 'report.md') };
  await fs.writeFile(files.json, redact(renderJson(report)));
  await fs.writeFile(files.markdown, redact(markdown));
  return files;
}

export function shouldFail(report: GateReport, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (report.exit.outcome === 'fail') return true;
  return failOn === 'warn' && report.exit.outcome === 'warn';
}

/** The one line `core.setFailed` prints: what failed, and where to read why. */
export function failureLine(report: GateReport): string {
  const failed = report.gates.filter((gate) => gate.outcome === 'fail');
  if (failed.length === 0) return `contexta/gate: ${report.headline}`;
  const first = failed[0]!;
  const more =
    failed.length > 1 ? ` (+${failed.length - 1} more failing gate${failed.length > 2 ? 's' : ''})` : '';
  return `contexta/gate: gate "${first.name}" failed: ${first.message}${more}`;
}

export function setOutputs(
  report: GateReport,
  files: ReportFiles,
  baseline: ResolvedBaseline,
  extra: Record<string, string>,
): void {
  const count = (outcome: string) => String(report.gates.filter((gate) => gate.outcome === outcome).length);
  const output = (name: string, value: string) => core.setOutput(name, redact(value));
  output('verdict', report.verdict);
  output('exit-verdict', report.exit.outcome);
  output('gates-failed', count('fail'));
  output('gates-warned', count('warn'));
  output('gates-passed', count('pass'));
  output('evidence-gaps', String(report.gaps.candidate.length));
  output('report-json', files.json);
  output('report-markdown', files.markdown);
  output('baseline-run-id', baseline.runId === null ? '' : String(baseline.runId));
  output('baseline-run-url', baseline.runUrl ?? '');
  output('baseline-source', baseline.source);
  for (const [name, value] of Object.entries(extra)) output(name, value);
}

/**
 * The longest prefix of `text` that is at most `maxBytes` of UTF-8, cut between code points: never
 * inside a surrogate pair or a multi-byte sequence.
 */
export function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

export async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  let body = redact(markdown);
  if (Buffer.byteLength(body) > MAX_SUMMARY_BYTES) {
    body = `${cutToBytes(body, MAX_SUMMARY_BYTES)}\n\n…(summary truncated at ${MAX_SUMMARY_BYTES} bytes; the full report is in the report-json output)\n`;
  }
  await core.summary.addRaw(body, true).write();
}

function fingerprintOf(report: GateReport): string {
  const tripped = report.gates
    .filter((gate) => gate.outcome !== 'pass' && gate.outcome !== 'skipped')
    .map((gate) => `${gate.name}:${gate.outcome}:${gate.message}`);
  return reportFingerprint([report.verdict, ...tripped, ...report.findings.map((finding) => finding.code)]);
}

export function renderComment(report: GateReport, key: string, runUrl: string): string {
  const body = renderMarkdown(report, { marker: key, runUrl, audience: 'action' });
  return redact(`${body}\n${fingerprintMarker(fingerprintOf(report))}\n`);
}

export interface PostedComment {
  url: string | null;
  note: string;
}

/** Where a report goes on a pull request: the PR, the sticky key, and the run that produced it. */
export interface CommentTarget {
  github: GitHubClient;
  prNumber: number;
  key: string;
  runUrl: string;
  /** The commit that was evaluated: a review is pinned to it, not to whatever the head is by then. */
  headSha: string;
}

/**
 * Creates or updates the sticky comment, then looks again: when two runs of the same PR finish at
 * once both may create one, and the later one removes the extra so one comment remains.
 */
export async function postStickyComment(
  { github, prNumber, key, runUrl }: CommentTarget,
  report: GateReport,
  settings: Settings,
): Promise<PostedComment> {
  const marker = commentMarker(key);
  const body = renderComment(report, key, runUrl);
  const existing = await github.listIssueComments(prNumber);
  const toExisting = (list: typeof existing) =>
    list.map((c) => ({
      id: c.id,
      body: c.body ?? '',
      authorLogin: c.user?.login ?? '',
    }));
  const plan: CommentPlan = planStickyComment({
    ours: ourComments(toExisting(existing), marker, settings.commentAuthor),
    when: settings.comment,
    failing: report.exit.outcome === 'fail',
    fingerprint: fingerprintOf(report),
  });
  for (const id of plan.deleteIds) await github.deleteComment(id);
  if (plan.action === 'skip') return { url: null, note: plan.reason };

  const posted =
    plan.action === 'update'
      ? await github.updateComment(plan.commentId, body)
      : await github.createComment(prNumber, body);
  if (plan.action === 'create') {
    const again = ourComments(
      toExisting(await github.listIssueComments(prNumber)),
      marker,
      settings.commentAuthor,
    );
    const keep = again[0];
    if (keep && keep.id !== posted.id) {
      await github.deleteComment(posted.id);
      const updated = await github.updateComment(keep.id, body);
      return {
        url: updated.html_url ?? null,
        note: 'another run had posted first; updated that comment instead',
      };
    }
  }
  return { url: posted.html_url ?? null, note: plan.reason };
}

/**
 * Review mode: REQUEST_CHANGES when the gate fails, COMMENT otherwise, and our own earlier change
 * request is dismissed once a later run passes so the review panel tells the truth.
 */
export async function postReview(
  { github, prNumber, key, runUrl, headSha }: CommentTarget,
  report: GateReport,
  settings: Settings,
): Promise<PostedComment> {
  const body = renderComment(report, key, runUrl);
  const failing = report.exit.outcome === 'fail';
  const marker = commentMarker(key);
  const reviews = await github.listReviews(prNumber);
  const review = await github.createReview(prNumber, {
    body,
    event: failing ? 'REQUEST_CHANGES' : 'COMMENT',
    commitId: headSha,
  });
  if (!failing) {
    for (const earlier of reviews) {
      if (
        earlier.state === 'CHANGES_REQUESTED' &&
        isOurs(earlier.body ?? '', earlier.user?.login ?? '', marker, settings.commentAuthor)
      ) {
        await github.dismissReview(prNumber, earlier.id, 'contexta/gate: a later run of the gate passed.');
      }
    }
  }
  return { url: review.html_url ?? null, note: failing ? 'requested changes' : 'commented' };
}

export async function publishToPullRequest(
  target: CommentTarget,
  report: GateReport,
  settings: Settings,
): Promise<PostedComment> {
  if (settings.comment === 'off') return { url: null, note: 'comment: off' };
  if (settings.commentAs === 'review') {
    try {
      return await postReview(target, report, settings);
    } catch (error) {
      if (!(error instanceof GitHubPermissionError)) throw error;
      core.notice(
        `contexta/gate: cannot submit a review (${error.message}); posting the sticky comment instead.`,
      );
    }
  }
  return postStickyComment(target, report, settings);
}

/** One annotation per tripped gate, on the config file that declares the gates. */
export function checkAnnotations(report: GateReport, file: string): CheckAnnotation[] {
  const annotations: CheckAnnotation[] = [];
  for (const gate of report.gates) {
    if (gate.outcome !== 'fail' && gate.outcome !== 'warn') continue;
    annotations.push({
      path: file,
      start_line: 1,
      end_line: 1,
      annotation_level: gate.outcome === 'fail' ? 'failure' : 'warning',
      title: truncate(redact(`contexta/gate: ${gate.name}`), 255),
      message: truncate(redact(gate.message), 64_000),
    });
  }
  if (report.verdict === 'unknown') {
    annotations.push({
      path: file,
      start_line: 1,
      end_line: 1,
      annotation_level: 'warning',
      title: 'contexta/gate: verdict unknown',
      message: truncate(redact(report.headline), 64_000),
    });
  }
  return annotations;
}

/**
 * The check run carries the annotations itself (workflow-command annotations are capped per step):
 * the first 50 with the create call, the rest in updates of 50 each, as GitHub requires.
 */
export async function createCheckRun(
  github: GitHubClient,
  report: GateReport,
  where: { headSha: string; runUrl: string; markdown: string; path: string },
): Promise<void> {
  const conclusion =
    report.exit.outcome === 'fail' ? 'failure' : report.exit.outcome === 'warn' ? 'neutral' : 'success';
  const output = {
    title: truncate(redact(report.headline), 250),
    summary: truncate(redact(where.markdown), 65_000),
  };
  const annotations = checkAnnotations(report, where.path);
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  const [first = [], ...rest] = batches;
  const created = await github.createCheckRun({
    name: CHECK_NAME,
    headSha: where.headSha,
    status: 'completed',
    conclusion,
    detailsUrl: where.runUrl,
    output: { ...output, annotations: first },
  });
  for (const batch of rest)
    await github.updateCheckRun(created.id, { output: { ...output, annotations: batch } });
}
