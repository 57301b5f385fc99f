import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeUnzip, ZipArchiveError } from '../../src/zip/safe-unzip.js';
import { buildZip, type ZipEntrySpec } from '../support/zip-writer.js';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'safe-unzip-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function extract(entries: ZipEntrySpec[] | Buffer, limits = {}) {
  const zip = path.join(work, 'in.zip');
  await writeFile(zip, Buffer.isBuffer(entries) ? entries : buildZip(entries));
  const out = path.join(work, 'out');
  return { out, result: await safeUnzip(zip, out, limits) };
}

async function listTree(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true })).map((p) => p.split(path.sep).join('/')).sort();
}

describe('safeUnzip', () => {
  it('extracts stored and deflated files with nested directories', async () => {
    const { out, result } = await extract([
      { name: '.contexta/', data: '' },
      { name: '.contexta/runs/r1/metrics.json', data: '{"accuracy":0.91}', method: 'deflate' },
      { name: '.contexta/README', data: 'plain', method: 'store' },
      { name: './.contexta/empty.txt', data: '' },
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.files.map((f) => [f.name, f.size])).toEqual([
      ['.contexta/runs/r1/metrics.json', 17],
      ['.contexta/README', 5],
      ['.contexta/empty.txt', 0],
    ]);
    expect(await readFile(path.join(out, '.contexta/runs/r1/metrics.json'), 'utf8')).toBe(
      '{"accuracy":0.91}',
    );
    expect(await readFile(path.join(out, '.contexta/README'), 'utf8')).toBe('plain');
  });

  it('rejects traversal, absolute, drive-letter and backslash names without writing them', async () => {
    const { out, result } = await extract([
      { name: '../escape.txt', data: 'x' },
      { name: 'a/../../escape2.txt', data: 'x' },
      { name: '/etc/evil', data: 'x' },
      { name: 'C:/Windows/evil', data: 'x' },
      { name: 'C:\\evil', data: 'x' },
      { name: '..\\..\\evil', data: 'x' },
      { name: 'ok.txt', data: 'fine' },
    ]);
    expect(result.files.map((f) => f.name)).toEqual(['ok.txt']);
    expect(result.rejected.map((r) => [r.name, r.reason])).toEqual([
      ['../escape.txt', 'path traversal (..)'],
      ['a/../../escape2.txt', 'path traversal (..)'],
      ['/etc/evil', 'absolute path'],
      ['C:/Windows/evil', 'absolute path with a drive letter'],
      ['C:\\evil', 'entry name contains a backslash (Windows path separator)'],
      ['..\\..\\evil', 'entry name contains a backslash (Windows path separator)'],
    ]);
    expect(await listTree(work)).toEqual(['in.zip', 'out', 'out/ok.txt']);
    expect(await listTree(out)).toEqual(['ok.txt']);
  });

  it('skips symlinks and special files and never follows them', async () => {
    const { out, result } = await extract([
      { name: 'link', data: '/etc/passwd', unixMode: 0o120777 },
      { name: 'link/passwd', data: 'overwrite' },
      { name: 'fifo', data: '', unixMode: 0o010644 },
    ]);
    expect(result.rejected.map((r) => r.reason)).toEqual(['symbolic link', 'special file (mode 10000)']);
    expect(result.files.map((f) => f.name)).toEqual(['link/passwd']);
    expect(await readFile(path.join(out, 'link/passwd'), 'utf8')).toBe('overwrite');
  });

  it('rejects duplicate names, including case-only duplicates and file/directory clashes', async () => {
    const { out, result } = await extract([
      { name: 'metrics.json', data: 'first' },
      { name: 'metrics.json', data: 'second' },
      { name: 'METRICS.json', data: 'third' },
      { name: 'metrics.json/inner', data: 'nested under a file' },
    ]);
    expect(result.files.map((f) => f.name)).toEqual(['metrics.json']);
    expect(await readFile(path.join(out, 'metrics.json'), 'utf8')).toBe('first');
    expect(result.rejected.map((r) => r.reason)).toEqual([
      'duplicate entry name (case-insensitive)',
      'duplicate entry name (case-insensitive)',
      "path passes through file entry 'metrics.json'",
    ]);
  });

  it('refuses an entry whose declared size is above the per-file cap or whose ratio looks like a bomb', async () => {
    const zeros = Buffer.alloc(2 * 1024 * 1024);
    const { result } = await extract(
      [
        { name: 'bomb.bin', data: zeros },
        { name: 'big.bin', data: Buffer.alloc(5000, 7), method: 'store' },
        { name: 'small.txt', data: 'ok' },
      ],
      { maxEntryBytes: 4096 * 1024, ratioFloorBytes: 1024 },
    );
    expect(result.files.map((f) => f.name)).toEqual(['big.bin', 'small.txt']);
    expect(result.rejected).toEqual([
      { name: 'bomb.bin', reason: 'compression ratio above 200:1 (possible decompression bomb)' },
    ]);
    const capped = await extractAgain([{ name: 'big.bin', data: Buffer.alloc(5000, 7), method: 'store' }], {
      maxEntryBytes: 4096,
    });
    expect(capped.rejected[0]?.reason).toBe('declared size 5000 bytes exceeds the per-file cap of 4096');
  });

  it('stops inflating when the data exceeds the size the header declared (lying header bomb)', async () => {
    const error = await extract([
      { name: 'ok.txt', data: 'fine' },
      { name: 'liar.bin', data: Buffer.alloc(1024 * 1024), declaredSize: 100 },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZipArchiveError);
    expect((error as ZipArchiveError).code).toBe('corrupt');
    expect((error as ZipArchiveError).message).toBe('inflates beyond its declared size of 100 bytes');
    expect((error as ZipArchiveError).entry).toBe('liar.bin');
    expect(await listTree(path.join(work, 'out'))).toEqual([]);
  });

  it('throws on archive-wide limits: total size and entry count', async () => {
    const total = await extract(
      [
        { name: 'a', data: Buffer.alloc(600) },
        { name: 'b', data: Buffer.alloc(600) },
      ],
      { maxTotalBytes: 1000 },
    ).catch((e: unknown) => e);
    expect(total).toMatchObject({ code: 'limit', entry: 'b' });
    const many = await extractAgain(
      Array.from({ length: 6 }, (_, i) => ({ name: `f${i}`, data: 'x' })),
      { maxEntries: 5 },
    ).catch((e: unknown) => e);
    expect(many).toMatchObject({ code: 'limit', message: 'archive declares 6 entries, cap is 5' });
  });

  it('detects CRC mismatches and removes what was already extracted', async () => {
    const error = await extract([
      { name: 'first.txt', data: 'good' },
      { name: 'second.txt', data: 'tampered', crc: 0x12345678 },
    ]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'corrupt', message: 'CRC-32 mismatch', entry: 'second.txt' });
    expect(await listTree(path.join(work, 'out'))).toEqual([]);
  });

  it('detects corrupt archives: not a zip, truncated, bad central and local signatures', async () => {
    const good = buildZip([{ name: 'a.txt', data: 'hello world' }]);
    const notZip = await extract(Buffer.from('this is not a zip file at all, just text')).catch((e) => e);
    expect(notZip).toMatchObject({ code: 'corrupt' });
    expect(notZip.message).toMatch(/end-of-central-directory record not found/);

    const truncated = await extractAgain(good.subarray(0, good.length - 30)).catch((e) => e);
    expect(truncated).toMatchObject({ code: 'corrupt' });

    const badCentral = Buffer.from(good);
    badCentral.writeUInt32LE(0xdeadbeef, badCentral.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect(await extractAgain(badCentral).catch((e) => e)).toMatchObject({
      code: 'corrupt',
      message: 'central directory entry 0 has a bad signature',
    });

    const badLocal = Buffer.from(good);
    badLocal.writeUInt32LE(0xdeadbeef, 0);
    expect(await extractAgain(badLocal).catch((e) => e)).toMatchObject({
      code: 'corrupt',
      message: 'local file header has a bad signature',
    });

    const garbled = Buffer.from(buildZip([{ name: 'a.txt', data: 'hello hello hello hello' }]));
    garbled.fill(0xff, 30 + 5, 30 + 5 + 4);
    expect(await extractAgain(garbled).catch((e) => e)).toMatchObject({ code: 'corrupt', entry: 'a.txt' });
  });

  it('rejects a local header whose name differs from the central directory', async () => {
    const error = await extract([{ name: 'safe.txt', localName: '../x.txt', data: 'x' }]).catch((e) => e);
    expect(error).toMatchObject({
      code: 'corrupt',
      message: 'local header name differs from the central directory',
    });
  });

  it('refuses encrypted entries and unknown compression methods', async () => {
    const zip = buildZip([
      { name: 'secret', data: 'x', flags: 1 },
      { name: 'plain', data: 'y' },
    ]);
    const { result } = await extract(zip);
    expect(result.rejected).toEqual([{ name: 'secret', reason: 'encrypted entry' }]);
  });

  it('refuses a non-empty destination and does not write through pre-existing symlinks', async () => {
    const zip = path.join(work, 'in.zip');
    await writeFile(zip, buildZip([{ name: 'a.txt', data: 'x' }]));
    const out = path.join(work, 'out');
    await extract([{ name: 'x', data: 'y' }]);
    await symlink('/tmp', path.join(out, 'a.txt'));
    await expect(safeUnzip(zip, out)).rejects.toThrow(/non-empty directory/);
  });
});

let counter = 0;
async function extractAgain(entries: ZipEntrySpec[] | Buffer, limits = {}) {
  counter += 1;
  const zip = path.join(work, `again-${counter}.zip`);
  await writeFile(zip, Buffer.isBuffer(entries) ? entries : buildZip(entries));
  return safeUnzip(zip, path.join(work, `again-out-${counter}`), limits);
}
