// Types for many-files.mjs, so the TypeScript test can import the plain-Node generator.

export interface ManyFilesWorkload {
  generator_version: number;
  seed: number;
  files: number;
  distinct: number;
  repeated: number;
  bytes: number;
  /** The `.contexta` workspace root. */
  path: string;
}

export const MANY_FILES_START: string;
export const MANY_FILES_END: string;
export const MANY_FILES_TARGET_S: number;
export function parseManyFilesSpec(text: string): { files: number; distinct: number } | null;
export function generateManyFiles(options: {
  out: string;
  files: number;
  distinct: number;
  seed: number;
}): ManyFilesWorkload;
