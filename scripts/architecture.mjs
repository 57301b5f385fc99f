// Draws the folder-level import graph of src/ as a mermaid flowchart and writes it into
// docs/architecture.md between the layer markers. Usage: node scripts/architecture.mjs
// (npm run architecture). test/architecture/diagram.test.ts fails when the document is behind src/.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRY, LAYERS, layerEdges, rank, SRC, sourceFiles, topFolders } from './layers.mjs';

export const DOC = path.resolve(import.meta.dirname, '../docs/architecture.md');
export const BEGIN = '<!-- layers:begin -->';
export const END = '<!-- layers:end -->';

/** Top-level folders of src/ that the layer order does not place; the diagram cannot rank them. */
export function unplacedFolders(src = SRC) {
  return topFolders(src).filter((folder) => rank(folder) < 0);
}

/** The mermaid block: present layers lowest first, then one edge per importing pair with its count. */
export function renderDiagram(src = SRC) {
  const unplaced = unplacedFolders(src);
  if (unplaced.length > 0) {
    throw new Error(
      `src/ has folders that are not in the layer order (scripts/layers.mjs): ${unplaced.join(', ')}; ` +
        'add each to LAYERS where it belongs, then run `npm run architecture`',
    );
  }
  const present = new Set(topFolders(src));
  const nodes = LAYERS.filter((layer) => present.has(layer));
  if (sourceFiles(src).some((file) => path.dirname(file) === src)) nodes.push(ENTRY);
  const label = (node) => (node === ENTRY ? 'src/*.ts (bundle entries)' : node);
  const edges = layerEdges(src).sort((a, b) => rank(b.from) - rank(a.from) || rank(b.to) - rank(a.to));
  return [
    '```mermaid',
    'flowchart TD',
    ...nodes.map((node) => `  ${node}["${label(node)}"]`),
    ...edges.map((edge) => `  ${edge.from} -->|${edge.count}| ${edge.to}`),
    '```',
  ].join('\n');
}

/** The document with the text between the markers replaced by the diagram. */
export function withDiagram(doc, diagram) {
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin)
    throw new Error(`${path.relative(process.cwd(), DOC)} lacks ${BEGIN} … ${END}`);
  return `${doc.slice(0, begin + BEGIN.length)}\n${diagram}\n${doc.slice(end)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (!existsSync(DOC)) throw new Error(`${DOC} is missing`);
    const before = readFileSync(DOC, 'utf8');
    const after = withDiagram(before, renderDiagram());
    if (after !== before) writeFileSync(DOC, after);
    console.log(after === before ? 'docs/architecture.md is up to date' : 'docs/architecture.md updated');
  } catch (error) {
    console.error(`architecture: ${error.message}`);
    process.exit(1);
  }
}
