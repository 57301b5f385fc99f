// Types for build.mjs, so the vitest global setup can reuse the build.

export declare function buildBundles(outRoot?: string): Promise<string>;
