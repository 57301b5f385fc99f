// Types for architecture.mjs, so the diagram test can import the plain-Node generator.

export declare const DOC: string;
export declare const BEGIN: string;
export declare const END: string;
export declare function unplacedFolders(src?: string): string[];
export declare function renderDiagram(src?: string): string;
export declare function withDiagram(doc: string, diagram: string): string;
