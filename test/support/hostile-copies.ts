/**
 * Hand-written hostile copies of the scenario fixtures (named as such: every directory starts with
 * `hostile-`), built from a capture-cache-only copy so no manifest or index disagrees with the edit.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TABULAR_CANDIDATE = 'fixtures/scenarios/tabular-improves/candidate/.contexta';
export const TABULAR_BASELINE = 'fixtures/scenarios/tabular-improves/baseline/.contexta';
/** The candidate's headline metric: evaluate/accuracy, overall (stage scope, no slice). */
const HEADLINE = '"aggregation_scope":"stage","metric_key":"accuracy"';
const HEADLINE_VALUE = '"value":0.8047619047619048';

export type HeadlineDamage = 'deleted' | 'NaN' | '-Infinity' | '1e309';
export const HEADLINE_DAMAGE: readonly HeadlineDamage[] = ['deleted', 'NaN', '-Infinity', '1e309'];

/** The tabular-improves candidate with its headline accuracy record deleted or its value replaced. */
export async function hostileHeadline(
  damage: HeadlineDamage,
): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'hostile-headline-'));
  const path = join(dir, '.contexta');
  await cp(join(TABULAR_CANDIDATE, 'cache'), join(path, 'cache'), { recursive: true });
  const file = join(path, 'cache', 'capture', 'record.jsonl');
  const lines = (await readFile(file, 'utf8')).split('\n');
  const at = lines.findIndex((l) => l.includes(HEADLINE) && l.includes(HEADLINE_VALUE));
  if (at < 0) throw new Error('the fixture no longer holds the headline accuracy record');
  if (damage === 'deleted') lines.splice(at, 1);
  else lines[at] = lines[at]!.replace(HEADLINE_VALUE, `"value":${damage}`);
  await writeFile(file, lines.join('\n'));
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
