import { capYoungGeneration } from './runtime/young-generation.js';

// Before the action is loaded: this may replace the process with one started with a smaller young
// generation (peak memory on large workspaces; see src/runtime/young-generation.ts).
capYoungGeneration(process.env.NODE_OPTIONS);

const { run } = await import('./action/run.js');
await run();
