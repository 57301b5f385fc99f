import { describe, expect, it } from 'vitest';
import { judgeRuns } from '../../src/engine/engine.js';
import { parseWaivers, type WaiverRequests } from '../../src/gates/waivers.js';
import { evidence, referenceConfig, scenarioPath } from '../support/engine-fixtures.js';

const ON = { waivers: { labels: true, trailers: true } };

describe('parseWaivers', () => {
  it('reads gate-waive labels and Gate-Waive trailers, keeping who granted them', () => {
    const { accepted, rejected } = parseWaivers(
      {
        labels: [
          { name: 'gate-waive:slice floor', grantedBy: 'maintainer', trusted: true },
          { name: 'bug', grantedBy: 'maintainer', trusted: true },
        ],
        commits: [
          {
            message:
              'Retrain with larger trees\n\nApac data is being re-collected.\n\nGate-Waive: evaluate/accuracy@region-apac: apac re-collection tracked in #42\nSigned-off-by: A <a@example.com>',
            author: 'alice',
            trusted: true,
          },
          {
            message: 'Fix\n\ngate-waive: latency budget: new tokenizer, accepted by product',
            author: 'bob',
            trusted: true,
          },
        ],
      },
      ON,
    );
    expect(rejected).toEqual([]);
    expect(accepted).toEqual([
      {
        target: 'slice floor',
        slice: null,
        reason: 'label gate-waive:slice floor applied by maintainer',
        grantedBy: 'maintainer',
        source: 'label',
      },
      {
        target: 'evaluate/accuracy',
        slice: 'region-apac',
        reason: 'apac re-collection tracked in #42',
        grantedBy: 'alice',
        source: 'trailer',
      },
      {
        target: 'latency budget',
        slice: null,
        reason: 'new tokenizer, accepted by product',
        grantedBy: 'bob',
        source: 'trailer',
      },
    ]);
  });

  it('rejects waivers from people without write access, disabled kinds and trailers without a reason', () => {
    const requests: WaiverRequests = {
      labels: [{ name: 'gate-waive:slice floor', grantedBy: 'drive-by', trusted: false }],
      commits: [
        { message: 'x\n\nGate-Waive: evaluate/accuracy: because', author: 'mallory', trusted: false },
        { message: 'y\n\nGate-Waive: evaluate/accuracy', author: 'alice', trusted: true },
      ],
    };
    const { accepted, rejected } = parseWaivers(requests, ON);
    expect(accepted).toEqual([]);
    expect(rejected.map((r) => [r.source, r.grantedBy, r.reason])).toEqual([
      ['label', 'drive-by', 'drive-by has no write access to the repository'],
      ['trailer', 'mallory', 'mallory has no write access to the repository'],
      [
        'trailer',
        'alice',
        'expected "Gate-Waive: <stage>/<metric>[@<slice>]: <reason>" or "Gate-Waive: <gate name>: <reason>"',
      ],
    ]);
    const off = parseWaivers(requests, { waivers: { labels: false, trailers: false } });
    expect(off.rejected.map((r) => r.reason)).toEqual([
      'label waivers are disabled by policy.waivers.labels',
      'trailer waivers are disabled by policy.waivers.trailers',
      'trailer waivers are disabled by policy.waivers.trailers',
    ]);
  });
});

describe('waivers in the engine (slice-regression)', () => {
  async function run(waivers: WaiverRequests) {
    return judgeRuns({
      baseline: await evidence(scenarioPath('slice-regression', 'baseline')),
      candidate: await evidence(scenarioPath('slice-regression', 'candidate')),
      config: await referenceConfig(),
      waivers,
    });
  }

  it('a trusted gate label waives the failing gate, which stays visible with who and why', async () => {
    const report = await run({
      labels: [{ name: 'gate-waive:Slice Floor', grantedBy: 'lead', trusted: true }],
    });
    const floor = report.gates.find((g) => g.name === 'slice floor')!;
    expect(floor.outcome).toBe('waived');
    const waived = floor.checks.filter((c) => c.outcome === 'waived');
    expect(waived.map((c) => `${c.metric}@${c.slice}`)).toEqual([
      'accuracy@region-apac',
      'auc@region-apac',
      'f1@region-apac',
    ]);
    expect(waived[0]!.waiver).toMatchObject({ grantedBy: 'lead', source: 'label' });
    expect(waived[0]!.reason).toContain('dropped 0.9118 → 0.8235');
    expect(floor.waivers).toHaveLength(1);
    expect(report.verdict).toBe('pass');
    expect(report.headline).toBe('PASS — 3 gates passed (1 waived: slice floor)');
    expect(report.findings.find((f) => f.code === 'slice_regression')?.severity).toBe('error');
  });

  it('a metric trailer waives only its rows: the other slice metrics still fail', async () => {
    const report = await run({
      commits: [
        { message: 'm\n\nGate-Waive: evaluate/accuracy@region-apac: known', author: 'alice', trusted: true },
      ],
    });
    const floor = report.gates.find((g) => g.name === 'slice floor')!;
    expect(floor.outcome).toBe('fail');
    expect(floor.checks.filter((c) => c.outcome === 'waived').map((c) => c.metric)).toEqual(['accuracy']);
    expect(floor.checks.filter((c) => c.outcome === 'fail').map((c) => c.metric)).toEqual(['auc', 'f1']);
    expect(report.verdict).toBe('fail');
  });

  it('an untrusted label changes nothing and is listed as rejected; unmatched waivers are listed as unused', async () => {
    const report = await run({
      labels: [
        { name: 'gate-waive:slice floor', grantedBy: 'drive-by', trusted: false },
        { name: 'gate-waive:latency budget', grantedBy: 'lead', trusted: true },
      ],
    });
    expect(report.verdict).toBe('fail');
    expect(report.waivers.rejected.map((r) => r.grantedBy)).toEqual(['drive-by']);
    expect(report.waivers.unused.map((w) => w.target)).toEqual(['latency budget']);
  });
});
