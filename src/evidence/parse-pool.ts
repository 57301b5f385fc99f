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

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private nextShared = 0;
  private nextWorker = 0;
  private failure: Error | null = null;

  /** `size` ≥ 1 worker threads running `script` (a file URL or path of the built worker). */
  constructor(
    private readonly script: URL | string,
    readonly size: number,
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
    while (this.workers.length < this.size) this.spawn();
    const id = this.nextShared++;
    for (const worker of this.workers) worker.postMessage({ share: id, data });
    return id;
  }

  unshare(id: number): void {
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
    this.workers.push(worker);
    return worker;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
