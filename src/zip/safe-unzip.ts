import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';

/**
 * Extracts an untrusted zip (an artifact written by another workflow run, possibly a fork) without ever
 * writing outside the destination. Only the central directory is trusted for the entry list, every
 * declared size is re-checked while inflating, and nothing is believed until the CRC matches.
 */

export interface UnzipLimits {
  /** Most entries (files + directories) the archive may declare. */
  maxEntries: number;
  /** Largest single file, uncompressed. */
  maxEntryBytes: number;
  /** Largest sum of all extracted files, uncompressed. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio for entries bigger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Small entries may legitimately compress extremely well; the ratio cap starts above this size. */
  ratioFloorBytes: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 4 * 1024 * 1024 * 1024 - 1,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export interface ExtractedFile {
  /** Normalised relative path inside the destination, `/`-separated. */
  name: string;
  /** Absolute path written. */
  path: string;
  size: number;
}

export interface RejectedEntry {
  /** Entry name exactly as stored in the archive. */
  name: string;
  reason: string;
}

export interface UnzipResult {
  files: ExtractedFile[];
  rejected: RejectedEntry[];
}

export type ZipErrorCode = 'corrupt' | 'unsupported' | 'limit';

export class ZipArchiveError extends Error {
  override readonly name = 'ZipArchiveError';
  constructor(
    readonly code: ZipErrorCode,
    message: string,
    readonly entry?: string,
  ) {
    super(message);
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_CENTRAL_DIRECTORY_BYTES = 64 * 1024 * 1024;

const HOST_UNIX = 3;
const HOST_MACOS = 19;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const MSDOS_DIRECTORY = 0x10;

interface CentralEntry {
  rawName: string;
  nameBytes: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  isDirectory: boolean;
  /** Set when the entry is refused before extraction. */
  rejection?: string;
  /** Normalised relative path when accepted. */
  relative?: string;
}

function corrupt(message: string, entry?: string): ZipArchiveError {
  return new ZipArchiveError('corrupt', message, entry);
}

async function readExactly(
  file: Awaited<ReturnType<typeof open>>,
  position: number,
  length: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length) throw corrupt(`unexpected end of archive at byte ${position}`);
  return buffer;
}

async function findEndOfCentralDirectory(
  file: Awaited<ReturnType<typeof open>>,
  fileSize: number,
): Promise<{ offset: number; record: Buffer }> {
  if (fileSize < EOCD_SIZE) throw corrupt(`archive is ${fileSize} bytes, too small to be a zip`);
  const tailLength = Math.min(fileSize, EOCD_SIZE + 0xffff);
  const tailStart = fileSize - tailLength;
  const tail = await readExactly(file, tailStart, tailLength);
  for (let i = tailLength - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== SIG_EOCD) continue;
    const commentLength = tail.readUInt16LE(i + 20);
    if (i + EOCD_SIZE + commentLength !== tailLength) continue;
    return { offset: tailStart + i, record: tail.subarray(i, i + EOCD_SIZE) };
  }
  throw corrupt('end-of-central-directory record not found (not a zip, or truncated)');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Returns the normalised relative path, or a reason to refuse the name. */
function normaliseName(raw: string): { relative: string } | { reason: string } {
  if (raw.length === 0) return { reason: 'empty entry name' };
  if (raw.includes('\0')) return { reason: 'entry name contains a NUL byte' };
  if (raw.includes('\\')) return { reason: 'entry name contains a backslash (Windows path separator)' };
  if (raw.startsWith('/')) return { reason: 'absolute path' };
  if (/^[A-Za-z]:/.test(raw)) return { reason: 'absolute path with a drive letter' };
  const segments = raw.replace(/\/$/, '').split('/');
  const kept: string[] = [];
  for (const segment of segments) {
    if (segment === '..') return { reason: 'path traversal (..)' };
    if (segment === '') return { reason: 'empty path segment' };
    if (segment !== '.') kept.push(segment);
  }
  if (kept.length === 0) return { reason: 'entry name resolves to the destination itself' };
  return { relative: kept.join('/') };
}

function classifyType(versionMadeBy: number, externalAttributes: number): 'file' | 'directory' | string {
  const host = versionMadeBy >>> 8;
  if (host === HOST_UNIX || host === HOST_MACOS) {
    const type = (externalAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) return 'symbolic link';
    if (type === S_IFDIR) return 'directory';
    if (type !== 0 && type !== S_IFREG) return `special file (mode ${type.toString(8)})`;
  }
  if ((externalAttributes & MSDOS_DIRECTORY) !== 0) return 'directory';
  return 'file';
}

function parseCentralDirectory(directory: Buffer, declaredCount: number): CentralEntry[] {
  const entries: CentralEntry[] = [];
  let at = 0;
  for (let index = 0; index < declaredCount; index++) {
    if (at + CENTRAL_SIZE > directory.length || directory.readUInt32LE(at) !== SIG_CENTRAL) {
      throw corrupt(`central directory entry ${index} has a bad signature`);
    }
    const versionMadeBy = directory.readUInt16LE(at + 4);
    const flags = directory.readUInt16LE(at + 8);
    const method = directory.readUInt16LE(at + 10);
    const crc = directory.readUInt32LE(at + 16);
    const compressedSize = directory.readUInt32LE(at + 20);
    const uncompressedSize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const diskStart = directory.readUInt16LE(at + 34);
    const externalAttributes = directory.readUInt32LE(at + 38);
    const localOffset = directory.readUInt32LE(at + 42);
    const end = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (end > directory.length) throw corrupt(`central directory entry ${index} runs past the directory`);
    const nameBytes = directory.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    at = end;

    let rawName: string;
    try {
      rawName = utf8.decode(nameBytes);
    } catch {
      entries.push(rejectedEntry(nameBytes.toString('latin1'), 'entry name is not valid UTF-8'));
      continue;
    }
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipArchiveError('unsupported', 'ZIP64 archives are not supported', rawName);
    }
    if (diskStart !== 0) throw new ZipArchiveError('unsupported', 'multi-disk archives are not supported');
    const type = classifyType(versionMadeBy, externalAttributes);
    const entry: CentralEntry = {
      rawName,
      nameBytes: Buffer.from(nameBytes),
      flags,
      method,
      crc,
      compressedSize,
      uncompressedSize,
      localOffset,
      isDirectory: type === 'directory' || rawName.endsWith('/'),
    };
    if (type !== 'file' && type !== 'directory') entry.rejection = type;
    else if ((flags & 0x1) !== 0) entry.rejection = 'encrypted entry';
    else if (method !== 0 && method !== 8) entry.rejection = `unsupported compression method ${method}`;
    entries.push(entry);
  }
  if (at !== directory.length) throw corrupt('central directory size does not match its entries');
  return entries;
}

function rejectedEntry(rawName: string, rejection: string): CentralEntry {
  return {
    rawName,
    nameBytes: Buffer.alloc(0),
    flags: 0,
    method: 0,
    crc: 0,
    compressedSize: 0,
    uncompressedSize: 0,
    localOffset: 0,
    isDirectory: false,
    rejection,
  };
}

/** Decides, before writing anything, which entries are extracted. */
function screenEntries(entries: CentralEntry[], limits: UnzipLimits): void {
  const fileKeys = new Map<string, string>();
  const directoryKeys = new Set<string>();
  const keyOf = (relative: string) => relative.normalize('NFC').toLowerCase();
  let total = 0;
  for (const entry of entries) {
    if (entry.rejection) continue;
    const normalised = normaliseName(entry.rawName);
    if ('reason' in normalised) {
      entry.rejection = normalised.reason;
      continue;
    }
    const key = keyOf(normalised.relative);
    const parents = normalised.relative.split('/').slice(0, -1);
    const parentKeys = parents.map((_, i) => keyOf(parents.slice(0, i + 1).join('/')));
    const clash = parentKeys.find((p) => fileKeys.has(p));
    if (clash !== undefined) {
      entry.rejection = `path passes through file entry '${fileKeys.get(clash)}'`;
      continue;
    }
    if (entry.isDirectory) {
      if (fileKeys.has(key)) {
        entry.rejection = 'directory entry has the same name as a file entry';
        continue;
      }
      directoryKeys.add(key);
      for (const p of parentKeys) directoryKeys.add(p);
      entry.relative = normalised.relative;
      continue;
    }
    if (fileKeys.has(key)) {
      entry.rejection = 'duplicate entry name (case-insensitive)';
      continue;
    }
    if (directoryKeys.has(key)) {
      entry.rejection = 'file entry has the same name as a directory';
      continue;
    }
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      entry.rejection = `declared size ${entry.uncompressedSize} bytes exceeds the per-file cap of ${limits.maxEntryBytes}`;
      continue;
    }
    if (
      entry.uncompressedSize > limits.ratioFloorBytes &&
      entry.uncompressedSize > Math.max(entry.compressedSize, 1) * limits.maxRatio
    ) {
      entry.rejection = `compression ratio above ${limits.maxRatio}:1 (possible decompression bomb)`;
      continue;
    }
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
      throw corrupt('stored entry has different compressed and uncompressed sizes', entry.rawName);
    }
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new ZipArchiveError(
        'limit',
        `archive expands to more than the total cap of ${limits.maxTotalBytes} bytes`,
        entry.rawName,
      );
    }
    fileKeys.set(key, normalised.relative);
    for (const p of parentKeys) directoryKeys.add(p);
    entry.relative = normalised.relative;
  }
}

/** Counts and checksums inflated bytes and stops the stream the moment it exceeds the declared size. */
class Verifier extends Transform {
  bytes = 0;
  crc = 0;
  constructor(
    private readonly declaredSize: number,
    private readonly entryName: string,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.declaredSize) {
      callback(corrupt(`inflates beyond its declared size of ${this.declaredSize} bytes`, this.entryName));
      return;
    }
    this.crc = crc32(chunk, this.crc);
    callback(null, chunk);
  }
}

async function assertEmptyDestination(destination: string): Promise<void> {
  await mkdir(destination, { recursive: true });
  const existing = await readdir(destination);
  if (existing.length > 0) {
    throw new Error(`refusing to extract into non-empty directory ${destination}`);
  }
}

/**
 * Extracts `zipPath` into `destination` (created if missing, must be empty).
 * Entries that are unsafe on their own (traversal, absolute, symlink, duplicate, oversized, bomb-like)
 * are skipped and listed in `rejected`; an archive that is corrupt or over the archive-wide limits
 * throws `ZipArchiveError` and leaves no extracted files behind.
 */
export async function safeUnzip(
  zipPath: string,
  destination: string,
  limitOverrides: Partial<UnzipLimits> = {},
): Promise<UnzipResult> {
  const limits = { ...DEFAULT_UNZIP_LIMITS, ...limitOverrides };
  const root = path.resolve(destination);
  const file = await open(zipPath, 'r');
  let entries: CentralEntry[];
  let centralOffset: number;
  try {
    const { size } = await file.stat();
    const eocd = await findEndOfCentralDirectory(file, size);
    const diskNumber = eocd.record.readUInt16LE(4);
    const entriesOnDisk = eocd.record.readUInt16LE(8);
    const entryCount = eocd.record.readUInt16LE(10);
    const centralSize = eocd.record.readUInt32LE(12);
    centralOffset = eocd.record.readUInt32LE(16);
    if (entryCount === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) {
      throw new ZipArchiveError('unsupported', 'ZIP64 archives are not supported');
    }
    if (diskNumber !== 0 || entriesOnDisk !== entryCount) {
      throw new ZipArchiveError('unsupported', 'multi-disk archives are not supported');
    }
    if (entryCount > limits.maxEntries) {
      throw new ZipArchiveError(
        'limit',
        `archive declares ${entryCount} entries, cap is ${limits.maxEntries}`,
      );
    }
    if (centralOffset + centralSize > eocd.offset)
      throw corrupt('central directory lies outside the archive');
    if (centralSize > MAX_CENTRAL_DIRECTORY_BYTES) {
      throw new ZipArchiveError('limit', `central directory of ${centralSize} bytes is implausibly large`);
    }
    entries = parseCentralDirectory(await readExactly(file, centralOffset, centralSize), entryCount);
  } finally {
    await file.close();
  }

  screenEntries(entries, limits);
  await assertEmptyDestination(root);

  const written: string[] = [];
  const files: ExtractedFile[] = [];
  const rejected: RejectedEntry[] = [];
  // Each entry's data must end before the next entry starts; overlapping entries are a bomb technique.
  const boundaries = [...new Set(entries.filter((e) => !e.rejection).map((e) => e.localOffset))].sort(
    (a, b) => a - b,
  );
  const nextBoundary = (offset: number) => boundaries.find((b) => b > offset) ?? centralOffset;

  const handle = await open(zipPath, 'r');
  try {
    for (const entry of entries) {
      if (entry.rejection || entry.relative === undefined) {
        rejected.push({ name: entry.rawName, reason: entry.rejection ?? 'rejected' });
        continue;
      }
      const target = path.resolve(root, ...entry.relative.split('/'));
      if (target !== root && !target.startsWith(root + path.sep)) {
        rejected.push({ name: entry.rawName, reason: 'resolves outside the destination' });
        continue;
      }
      if (entry.isDirectory) {
        await mkdir(target, { recursive: true });
        continue;
      }
      const header = await readExactly(handle, entry.localOffset, LOCAL_SIZE);
      if (header.readUInt32LE(0) !== SIG_LOCAL)
        throw corrupt('local file header has a bad signature', entry.rawName);
      const nameLength = header.readUInt16LE(26);
      const extraLength = header.readUInt16LE(28);
      const localName = await readExactly(handle, entry.localOffset + LOCAL_SIZE, nameLength);
      if (!localName.equals(entry.nameBytes)) {
        throw corrupt('local header name differs from the central directory', entry.rawName);
      }
      const dataStart = entry.localOffset + LOCAL_SIZE + nameLength + extraLength;
      if (dataStart + entry.compressedSize > nextBoundary(entry.localOffset)) {
        throw corrupt('entry data overlaps the next entry or the central directory', entry.rawName);
      }

      await mkdir(path.dirname(target), { recursive: true });
      // 'wx' fails on anything already there, including a symlink planted by an earlier entry.
      const out = await open(target, 'wx', 0o644);
      written.push(target);
      const verifier = new Verifier(entry.uncompressedSize, entry.rawName);
      const source =
        entry.compressedSize === 0
          ? Readable.from([])
          : createReadStream(zipPath, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
      try {
        await pipeline(
          source,
          entry.method === 8 ? createInflateRaw() : new PassThrough(),
          verifier,
          out.createWriteStream(),
        );
      } catch (error) {
        if (error instanceof ZipArchiveError) throw error;
        throw corrupt(`cannot inflate: ${(error as Error).message}`, entry.rawName);
      }
      if (verifier.bytes !== entry.uncompressedSize) {
        throw corrupt(
          `inflated to ${verifier.bytes} bytes but declares ${entry.uncompressedSize}`,
          entry.rawName,
        );
      }
      if (verifier.crc >>> 0 !== entry.crc) throw corrupt('CRC-32 mismatch', entry.rawName);
      files.push({ name: entry.relative, path: target, size: verifier.bytes });
    }
  } catch (error) {
    await Promise.all(written.map((p) => rm(p, { force: true })));
    throw error;
  } finally {
    await handle.close();
  }
  return { files, rejected };
}
