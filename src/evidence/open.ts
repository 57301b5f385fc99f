/**
 * One door for every evidence source: a metalab store is recognised by its `_meta.json`, anything
 * else is read as a Contexta workspace (whose reader reports `no_evidence` when nothing is there).
 */
import { isMetalabStore, readMetalab } from '../metalab/read.js';
import type { Evidence } from './model.js';
import { type ReadOptions, readEvidence } from './read.js';

export async function openEvidence(path: string, options: Partial<ReadOptions> = {}): Promise<Evidence> {
  if (await isMetalabStore(path)) {
    return readMetalab(path, {
      ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
      ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
    });
  }
  return readEvidence(path, options);
}
