import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LineEvent, readLines } from '../../src/evidence/line-reader.js';

function tempFile(content: Buffer | string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-lines-'));
  const file = path.join(dir, 'f.jsonl');
  writeFileSync(file, content);
  return file;
}

async function collect(file: string, maxLineBytes: number, chunkBytes?: number) {
  const events: LineEvent[] = [];
  const summary = await readLines(file, { maxLineBytes, chunkBytes }, (e) => events.push(e));
  return { events, summary };
}

describe('readLines', () => {
  it('splits on newlines, numbers lines from 1 and marks an unterminated tail', async () => {
    const { events, summary } = await collect(tempFile('a\n\nbc\nd'), 100);
    expect(events).toEqual([
      { kind: 'line', lineNo: 1, text: 'a', terminated: true },
      { kind: 'line', lineNo: 2, text: '', terminated: true },
      { kind: 'line', lineNo: 3, text: 'bc', terminated: true },
      { kind: 'line', lineNo: 4, text: 'd', terminated: false },
    ]);
    expect(summary).toEqual({ lines: 4, bytes: 7, endsWithNewline: false });
  });

  it('joins lines that span chunk boundaries, including multi-byte characters', async () => {
    const text = 'ÄÖÜ-αβγ-😀\nsecond line\n';
    const { events } = await collect(tempFile(text), 100, 3);
    expect(events.map((e) => (e.kind === 'line' ? e.text : e.kind))).toEqual(['ÄÖÜ-αβγ-😀', 'second line']);
  });

  it('drops the bytes of an over-long line but keeps counting and reading after it', async () => {
    const long = 'x'.repeat(5000);
    const { events } = await collect(tempFile(`ok\n${long}\nafter\n`), 1000, 64);
    expect(events[1]).toEqual({ kind: 'too_long', lineNo: 2, bytes: 5000, terminated: true });
    expect(events[2]).toEqual({ kind: 'line', lineNo: 3, text: 'after', terminated: true });
  });

  it('reports invalid UTF-8 instead of decoding it with replacement characters', async () => {
    const bad = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\nnext\n')]);
    const { events } = await collect(tempFile(bad), 100);
    expect(events[0]).toEqual({ kind: 'invalid_encoding', lineNo: 1, terminated: true });
    expect(events[1]).toMatchObject({ kind: 'line', text: 'next' });
  });

  it('reads an empty file as no lines', async () => {
    const { events, summary } = await collect(tempFile(''), 100);
    expect(events).toEqual([]);
    expect(summary.lines).toBe(0);
  });
});
