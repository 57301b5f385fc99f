import type { SampleSeries } from '../../src/evidence/model.js';
import { SampleNames } from '../../src/evidence/sample-names.js';

/** Each row's sample name, in row order. */
export { sampleNames as namesOf } from '../../src/evidence/model.js';

/** A series over `names` in a table of its own (or `table`), for tests that build series by hand. */
export function seriesOf(
  fields: Omit<SampleSeries, 'ids' | 'table'> & { names: readonly string[] },
  table: SampleNames = new SampleNames(),
): SampleSeries {
  const { names, ...rest } = fields;
  return { ...rest, ids: Int32Array.from(names, (name) => table.id(name)), table };
}
