// Types for layers.mjs, so the TypeScript tests can import the plain-Node module.

export declare const LAYERS: readonly string[];
export declare const ENTRY: 'entry';
export declare const SRC: string;

export interface LayerEdge {
  from: string;
  to: string;
  count: number;
}

export declare function sourceFiles(dir?: string): string[];
export declare function topFolders(src?: string): string[];
export declare function layerOf(file: string, options?: { src?: string }): string;
export declare function rank(layer: string): number;
export declare function relativeImports(file: string): string[];
export declare function layerEdges(src?: string): LayerEdge[];
