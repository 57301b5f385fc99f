// The floor of `npm run bench`: the cheapest way Node can read a JSONL workspace — readline plus
// JSON.parse of every line, nothing kept. A reader cannot beat it; the bench reports how far above
// it ours is. Usage: node floor.mjs <workspace>...; prints {"files","bytes","records","readMs"} as
// JSON, readMs being the time spent reading after Node started.
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The JSONL files a Contexta reader reads: capture cache, then segments in name order. */
function jsonlFiles(workspace) {
  const files = [];
  for (const folder of [join(workspace, 'cache', 'capture'), join(workspace, 'records', 'segments')]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort())
      if (name.endsWith('.jsonl')) files.push(join(folder, name));
  }
  return files;
}

async function main(workspaces) {
  const started = performance.now();
  let bytes = 0;
  let records = 0;
  let files = 0;
  for (const ws of workspaces) {
    for (const file of jsonlFiles(ws)) {
      files += 1;
      bytes += statSync(file).size;
      const lines = createInterface({
        input: createReadStream(file, { highWaterMark: 1 << 20 }),
        crlfDelay: Infinity,
      });
      for await (const line of lines) {
        if (line.trim() === '') continue;
        JSON.parse(line);
        records += 1;
      }
    }
  }
  process.stdout.write(`${JSON.stringify({ files, bytes, records, readMs: performance.now() - started })}\n`);
}

await main(process.argv.slice(2));
