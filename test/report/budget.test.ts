import { describe, expect, it } from 'vitest';
import { type DocumentPart, fitToBudget, type Omission } from '../../src/report/budget.js';

function describeOmissions(omissions: Omission[], cut: boolean): string {
  const list = omissions.map((o) => `${o.count} ${o.what}`).join(', ');
  return `NOTE left out: ${list}${cut ? ' (cut)' : ''}`;
}

function rows(count: number, tier: number, what: string, width = 20): DocumentPart {
  return {
    kind: 'rows',
    open: `<details><summary>${what}</summary>`,
    rowsHead: '| h |\n| --- |',
    rows: Array.from({ length: count }, (_, i) => ({
      text: `| ${what} ${i} ${'x'.repeat(width)} |`,
      tier,
      what,
    })),
    close: '</details>',
  };
}

describe('fitToBudget', () => {
  it('returns the document unchanged when it fits', () => {
    const parts: DocumentPart[] = [{ kind: 'text', text: '# verdict' }, { kind: 'note' }, rows(3, 2, 'a')];
    const result = fitToBudget(parts, { maxChars: 10_000, describeOmissions });
    expect(result.omissions).toEqual([]);
    expect(result.cut).toBe(false);
    expect(result.markdown).not.toContain('NOTE');
    expect(result.markdown).toContain('| a 2 ');
  });

  it('drops the highest tier first, from the end, and notes what went', () => {
    const parts: DocumentPart[] = [
      { kind: 'text', text: '# verdict' },
      { kind: 'note' },
      rows(50, 0, 'failing'),
      rows(200, 1, 'passing-slices'),
      rows(2_000, 3, 'unchanged'),
    ];
    const result = fitToBudget(parts, { maxChars: 6_000, describeOmissions });
    expect(result.markdown.length).toBeLessThanOrEqual(6_000);
    expect(result.cut).toBe(false);
    const byWhat = Object.fromEntries(result.omissions.map((o) => [o.what, o.count]));
    expect(byWhat.unchanged).toBe(2_000);
    expect(byWhat.failing).toBeUndefined();
    const keptPassing = (result.markdown.match(/\| passing-slices \d+/g) ?? []).length;
    expect(keptPassing).toBe(200 - (byWhat['passing-slices'] ?? 0));
    expect(keptPassing).toBeGreaterThan(0);
    // The first rows of a list survive; its tail goes.
    expect(result.markdown).toContain('| passing-slices 0 ');
    expect(result.markdown).not.toContain('| passing-slices 199 ');
    for (let i = 0; i < 50; i++) expect(result.markdown).toContain(`| failing ${i} `);
    expect(result.markdown).toContain(
      `NOTE left out: 2000 unchanged, ${byWhat['passing-slices']} passing-slices`,
    );
    expect(result.markdown).toMatch(/_… not shown here: unchanged \(2,000\)/);
    // A list that lost every row keeps its frame but not its table header.
    expect(result.markdown).toContain('<details><summary>unchanged</summary>\n\n_…');
  });

  it('uses as much of the budget as it can', () => {
    const parts: DocumentPart[] = [{ kind: 'note' }, rows(5_000, 2, 'r')];
    const result = fitToBudget(parts, { maxChars: 60_000, describeOmissions });
    expect(result.markdown.length).toBeLessThanOrEqual(60_000);
    expect(result.markdown.length).toBeGreaterThan(59_000);
  });

  it('cuts always-kept content as a last resort, keeps the start and the note, closes details', () => {
    const parts: DocumentPart[] = [
      { kind: 'text', text: '# verdict line' },
      { kind: 'note' },
      rows(5_000, 0, 'failing'),
      rows(100, 2, 'extra'),
    ];
    const result = fitToBudget(parts, { maxChars: 5_000, describeOmissions });
    expect(result.cut).toBe(true);
    expect(result.markdown.length).toBeLessThanOrEqual(5_000);
    expect(result.markdown.startsWith('# verdict line')).toBe(true);
    expect(result.markdown).toContain('NOTE left out: 100 extra (cut)');
    const opened = (result.markdown.match(/<details>/g) ?? []).length;
    const closed = (result.markdown.match(/<\/details>/g) ?? []).length;
    expect(opened).toBe(closed);
  });
});
