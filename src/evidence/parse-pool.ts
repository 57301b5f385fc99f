/**
 * Worker threads that parse chunks of JSONL evidence (`chunk-lines.ts`) while the main thread folds
 * what they return. Workers start on first use, so a small workspace never pays for them; chunk
 * bytes are transferred, not copied. The pool knows nothing of the evidence format: a task names a
 * `kind` the worker script understands (`src/contexta/parse-worker.ts`).
 */
import { Worker } from 'node:worker_threads';
import type { ChunkLimits, ChunkResult } from './chunk-lines.js';

export interface ChunkTask extends ChunkLimits {
  kind: string;
  /** Data shared with every worker beforehand (`share`) that this kind of task reads, or null. */
  shared: number | null;
}

interface Pending {
  resolve: (result: ChunkResult) => void;
  reject: (error: Error) => void;
}

/**
 * Files below this are parsed on the main thread. Measured on 2 cores (docs/benchmarks.md,
 * "Parallel reading"): workers made a 34 MB file slower (0.70 → 0.92 s), left 115 + 85 MB files
 * as fast as one thread, and made 174 + 128 MB files 16 % faster; each started worker costs
 * ~30 MB of memory, so below this size they cost more than they save.
 */
export const PARALLEL_MIN_BYTES = 128 << 20;

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private nextShared = 0;
  private nextWorker = 0;
  private failure: Error | null = null;

  /** What `share` was given and `unshare` has not taken back, sent to each worker as it starts. */
  private readonly shares = new Map<number, Float64Array>();

  /**
   * `size` ≥ 1 worker threads running `script` (a file URL or path of the built worker), used for
   * files of `minFileBytes` or more; workers start on the first such file.
   */
  constructor(
    private readonly script: URL | string,
    readonly size: number,
    readonly minFileBytes: number = PARALLEL_MIN_BYTES,
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`a parse pool needs at least 1 worker, got ${size}`);
  }

  /** Parses `bytes` (whole lines, a standalone buffer that is handed over) on the next worker. */
  parse(task: ChunkTask, bytes: Buffer): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = this.worker();
    const id = this.nextId++;
    return new Promise<ChunkResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const buffer = bytes.buffer as ArrayBuffer;
      worker.postMessage({ id, task, buffer, offset: bytes.byteOffset, length: bytes.length }, [buffer]);
    });
  }

  /**
   * Copies `data` to every worker, ahead of the tasks that name the returned id as `shared`
   * (messages to a worker arrive in order); `unshare` lets them drop it.
   */
  share(data: Float64Array): number {
    const id = this.nextShared++;
    this.shares.set(id, data);
    for (const worker of this.workers) worker.postMessage({ share: id, data });
    return id;
  }

  unshare(id: number): void {
    this.shares.delete(id);
    for (const worker of this.workers) worker.postMessage({ unshare: id });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private worker(): Worker {
    if (this.workers.length < this.size) return this.spawn();
    const worker = this.workers[this.nextWorker % this.workers.length]!;
    this.nextWorker += 1;
    return worker;
  }

  private spawn(): Worker {
    const worker = new Worker(this.script);
    // The pool must not keep a finished command alive; pending work keeps its own promises.
    worker.unref();
    worker.on('message', (message: { id: number; result?: ChunkResult; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.result) waiting.resolve(message.result);
      else waiting.reject(new Error(message.error ?? 'the parse worker failed'));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`a parse worker exited with code ${code}`));
    });
    for (const [share, data] of this.shares) worker.postMessage({ share, data });
    this.workers.push(worker);
    return worker;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
