import { globMatch } from '../compare/glob.js';
import type { GatePolicy } from './config-types.js';
import type { GateCheck, GateResult, RejectedWaiver, Waiver } from './types.js';

/**
 * Raw waiver requests as the caller found them. The caller (the action) decides who counts as
 * trusted, typically "has write access to the repository"; this module never looks that up.
 */
export interface WaiverRequests {
  /** PR labels with who applied them. */
  labels?: { name: string; grantedBy: string; trusted: boolean; distrust?: string }[];
  /** Commit messages of the PR with their authors. */
  commits?: { message: string; author: string; trusted: boolean; distrust?: string }[];
  /** The pull request's author: their own waivers count only with `policy.waivers.self: true`. */
  prAuthor?: string | null;
}

/**
 * Why a request from `who` is not trusted: the caller's reason ("signature not verified", "write
 * access unverified: …") when it gave one, else the default — no write access.
 */
function distrustReason(who: string, distrust: string | undefined): string {
  return distrust ?? `${who} has no write access to the repository`;
}

export const WAIVER_LABEL_PREFIX = 'gate-waive:';
const TRAILER = /^gate-waive:[ \t]*(.*)$/gim;
/** `<target>[@<slice>]: <reason>`; the target is a gate name or `<stage>/<metric>`. */
const TRAILER_VALUE = /^(?<target>[^:@]+?)(?:@(?<slice>[^:\s]+))?\s*:\s*(?<reason>\S.*)$/;

export interface ParsedWaivers {
  accepted: Waiver[];
  rejected: RejectedWaiver[];
}

/**
 * Turns labels `gate-waive:<gate name>` and commit trailers `Gate-Waive: <target>[@<slice>]: <reason>`
 * into waivers. Requests from untrusted people, of a kind the policy disables, or that cannot be
 * parsed are returned as rejected with the reason, so the report can show them.
 */
export function parseWaivers(requests: WaiverRequests, policy: Pick<GatePolicy, 'waivers'>): ParsedWaivers {
  const accepted: Waiver[] = [];
  const rejected: RejectedWaiver[] = [];
  const author = requests.prAuthor ?? null;
  const selfWaiver = (who: string) =>
    !policy.waivers.self && author !== null && who.toLowerCase() === author.toLowerCase();
  const selfReason = (who: string) =>
    `${who} is the pull request's author; authors cannot waive their own gates unless policy.waivers.self is true`;
  for (const label of requests.labels ?? []) {
    if (!label.name.toLowerCase().startsWith(WAIVER_LABEL_PREFIX)) continue;
    const target = label.name.slice(WAIVER_LABEL_PREFIX.length).trim();
    const reject = (reason: string) =>
      rejected.push({ text: label.name, source: 'label', grantedBy: label.grantedBy, reason });
    if (!policy.waivers.labels) reject('label waivers are disabled by policy.waivers.labels');
    else if (selfWaiver(label.grantedBy)) reject(selfReason(label.grantedBy));
    else if (!label.trusted) reject(distrustReason(label.grantedBy, label.distrust));
    else if (target === '') reject('the label names no gate ("gate-waive:<gate name>")');
    else {
      accepted.push({
        target,
        slice: null,
        reason: `label ${label.name} applied by ${label.grantedBy}`,
        grantedBy: label.grantedBy,
        source: 'label',
      });
    }
  }
  for (const commit of requests.commits ?? []) {
    for (const match of commit.message.matchAll(TRAILER)) {
      const text = match[0].trim();
      const reject = (reason: string) =>
        rejected.push({ text, source: 'trailer', grantedBy: commit.author, reason });
      const value = TRAILER_VALUE.exec(match[1]!.trim());
      if (!policy.waivers.trailers) reject('trailer waivers are disabled by policy.waivers.trailers');
      else if (selfWaiver(commit.author)) reject(selfReason(commit.author));
      else if (!commit.trusted) reject(distrustReason(commit.author, commit.distrust));
      else if (!value?.groups) {
        reject(
          'expected "Gate-Waive: <stage>/<metric>[@<slice>]: <reason>" or "Gate-Waive: <gate name>: <reason>"',
        );
      } else {
        accepted.push({
          target: value.groups.target!.trim(),
          slice: value.groups.slice ?? null,
          reason: value.groups.reason!.trim(),
          grantedBy: commit.author,
          source: 'trailer',
        });
      }
    }
  }
  return { accepted, rejected };
}

function coversGate(waiver: Waiver, gate: GateResult): boolean {
  return waiver.slice === null && waiver.target.toLowerCase() === gate.name.toLowerCase();
}

/** `<stage>/<metric>` targets cover rows of that metric (stage `*` and key globs allowed). */
function coversCheck(waiver: Waiver, row: GateCheck): boolean {
  const slash = waiver.target.indexOf('/');
  if (slash < 0 || row.metric === null) return false;
  const stage = waiver.target.slice(0, slash).trim();
  const key = waiver.target.slice(slash + 1).trim();
  const stageOk = stage === '*' || (row.stage === null ? stage === 'run' : globMatch(stage, row.stage));
  if (!stageOk || !globMatch(key, row.metric)) return false;
  return waiver.slice === null || waiver.slice === row.slice;
}

export interface AppliedWaivers {
  results: GateResult[];
  /** Accepted waivers that matched no tripped row. */
  unused: Waiver[];
}

/**
 * Marks tripped rows covered by a waiver as `waived` (keeping who and why on the row) and recomputes
 * each gate. A waived gate stays in the report with its rows; only its outcome changes.
 */
export function applyWaivers(
  results: readonly GateResult[],
  waivers: readonly Waiver[],
  refresh: (result: GateResult) => GateResult,
): AppliedWaivers {
  const used = new Set<Waiver>();
  const out = results.map((result) => {
    let changed = false;
    const applied = new Set<Waiver>();
    const checks = result.checks.map((row) => {
      if (row.outcome !== 'fail' && row.outcome !== 'warn') return row;
      const waiver = waivers.find((w) => coversGate(w, result) || coversCheck(w, row));
      if (!waiver) return row;
      used.add(waiver);
      applied.add(waiver);
      changed = true;
      return { ...row, outcome: 'waived' as const, waiver };
    });
    if (!changed) return result;
    return refresh({ ...result, checks, waivers: [...applied] });
  });
  return { results: out, unused: waivers.filter((w) => !used.has(w)) };
}
