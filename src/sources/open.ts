/**
 * One door for every evidence source: a metalab store is recognised by its `_meta.json`, anything
 * else is read as a Contexta workspace (whose reader reports `no_evidence` when nothing is there).
 */

import { type ReadOptions, readEvidence } from '../contexta/read.js';
import type { Evidence } from '../evidence/model.js';
import { isMetalabStore, readMetalab } from '../metalab/read.js';

export async function openEvidence(path: string, options: Partial<ReadOptions> = {}): Promise<Evidence> {
  if (await isMetalabStore(path)) {
    return readMetalab(path, {
      ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
      ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
    });
  }
  return readEvidence(path, options);
}
