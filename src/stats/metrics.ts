import { StatsInputError } from './input-error.js';

/*
 * Point statistics evaluated with integer multiplicities: weight w[i] means "sample i appears w[i] times",
 * so a bootstrap resample is just a different weight vector over the original, pre-sorted data. A null
 * weight vector means every weight is 1 (the full data). Every statistic equals what the same formula
 * gives on the expanded (repeated) data, which is what the tests check against scipy/numpy.
 */

/**
 * Positive-class convention for binary labels and predictions: 1, true, "1", "true" (any case) are the
 * positive class; 0, false, "0", "false" the negative one. Anything else is not binary (null). Sample
 * tags arrive as strings, sample metrics as numbers, so both spellings are accepted.
 */
export function binaryLabel(value: unknown): 0 | 1 | null {
  if (value === 1 || value === true) return 1;
  if (value === 0 || value === false) return 0;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === '1' || text === 'true') return 1;
    if (text === '0' || text === 'false') return 0;
  }
  return null;
}

export function toBinary(name: string, values: ArrayLike<unknown>): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const bit = binaryLabel(values[i]);
    if (bit === null) {
      throw new StatsInputError(
        'not-binary',
        `sample ${i} has ${name} ${JSON.stringify(values[i])}; binary metrics need 0/1 or "true"/"false"`,
      );
    }
    out[i] = bit;
  }
  return out;
}

export function toFinite(name: string, values: ArrayLike<number>): Float64Array {
  // Statistics only read their inputs: a Float64Array of finite values is used as it is, which at
  // 640k pairs spares two 5 MB copies per quantile test.
  if (values instanceof Float64Array && values.every(Number.isFinite)) return values;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new StatsInputError('not-finite', `sample ${i} has a non-finite ${name} (${v})`);
    }
    out[i] = v;
  }
  return out;
}

/** Indices sorted by value (stable), the one O(n log n) step; statistics then run in O(n) per weight. */
export function sortedOrder(values: Float64Array): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((x, y) => values[x]! - values[y]! || x - y);
}

/**
 * Weighted type-7 quantile (Hyndman & Fan 1996 type 7 — numpy's default `linear`, R's default): on the
 * expanded data of W = Σw values sorted ascending, h = (W − 1)·q, result x_(⌊h⌋) + (h − ⌊h⌋)·(x_(⌊h⌋+1) −
 * x_(⌊h⌋)) with 0-based order statistics. `order` sorts `values`. NaN when W = 0.
 */
export function weightedQuantile(
  values: Float64Array,
  order: Uint32Array,
  weights: ArrayLike<number> | null,
  q: number,
): number {
  let total = 0;
  if (weights === null) total = values.length;
  else for (let i = 0; i < weights.length; i++) total += weights[i]!;
  if (total === 0) return Number.NaN;
  const h = (total - 1) * q;
  const lowRank = Math.floor(h);
  const fraction = h - lowRank;
  let cumulative = 0;
  let low = Number.NaN;
  for (let j = 0; j < order.length; j++) {
    const index = order[j]!;
    const w = weights === null ? 1 : weights[index]!;
    if (w === 0) continue;
    cumulative += w;
    if (Number.isNaN(low)) {
      if (cumulative > lowRank) {
        low = values[index]!;
        // Rank ⌊h⌋ + 1 falls in the same value block, or ⌊h⌋ is the last rank.
        if (cumulative > lowRank + 1 || fraction === 0) return low;
      }
    } else {
      return low + fraction * (values[index]! - low);
    }
  }
  return low;
}

/**
 * Binary confusion cells per sample: cell = 2·label + prediction, i.e. 0 true negative, 1 false
 * positive, 2 false negative, 3 true positive.
 */
export function confusionCells(label: Uint8Array, prediction: Uint8Array): Uint8Array {
  const cells = new Uint8Array(label.length);
  for (let i = 0; i < label.length; i++) cells[i] = 2 * label[i]! + prediction[i]!;
  return cells;
}

export type BinaryMetric = 'precision' | 'recall' | 'f1';

/**
 * Precision tp/(tp+fp), recall tp/(tp+fn), F1 2tp/(2tp+fp+fn) of the positive class (label 1), with
 * scikit-learn's `zero_division=0`: a ratio whose denominator is 0 is 0, so these are always defined.
 */
export function weightedBinaryMetric(
  cells: Uint8Array,
  weights: ArrayLike<number> | null,
  metric: BinaryMetric,
): number {
  let fp = 0;
  let fn = 0;
  let tp = 0;
  for (let i = 0; i < cells.length; i++) {
    const w = weights === null ? 1 : weights[i]!;
    const cell = cells[i]!;
    if (cell === 3) tp += w;
    else if (cell === 1) fp += w;
    else if (cell === 2) fn += w;
  }
  const denominator = metric === 'precision' ? tp + fp : metric === 'recall' ? tp + fn : 2 * tp + fp + fn;
  if (denominator === 0) return 0;
  return ((metric === 'f1' ? 2 : 1) * tp) / denominator;
}

/** Dense class ids for multiclass labels and predictions, shared by both so ids mean the same class. */
export function classIds(
  labels: ArrayLike<unknown>,
  predictions: ArrayLike<unknown>,
): { label: Uint32Array; prediction: Uint32Array; classes: string[] } {
  const ids = new Map<string, number>();
  const map = (values: ArrayLike<unknown>, what: string): Uint32Array => {
    const out = new Uint32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        throw new StatsInputError('not-finite', `sample ${i} has no usable ${what} (${String(v)})`);
      }
      const key = String(v);
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      out[i] = id;
    }
    return out;
  };
  const label = map(labels, 'label');
  const prediction = map(predictions, 'prediction');
  return { label, prediction, classes: [...ids.keys()] };
}

/**
 * Macro-averaged F1 (unweighted mean of per-class F1, zero_division=0) over the classes present in the
 * (weighted) labels or predictions — scikit-learn's `f1_score(average='macro')`, whose label set is
 * the union of y_true and y_pred of the data it is given. `scratch` holds 3·classCount numbers.
 */
export function weightedMacroF1(
  label: Uint32Array,
  prediction: Uint32Array,
  classCount: number,
  weights: ArrayLike<number> | null,
  scratch: Float64Array,
): number {
  scratch.fill(0, 0, 3 * classCount);
  // scratch[3k] = tp, [3k + 1] = fp, [3k + 2] = fn of class k.
  for (let i = 0; i < label.length; i++) {
    const w = weights === null ? 1 : weights[i]!;
    if (w === 0) continue;
    const t = label[i]!;
    const p = prediction[i]!;
    if (t === p) scratch[3 * t]! += w;
    else {
      scratch[3 * p + 1]! += w;
      scratch[3 * t + 2]! += w;
    }
  }
  let sum = 0;
  let present = 0;
  for (let k = 0; k < classCount; k++) {
    const denominator = 2 * scratch[3 * k]! + scratch[3 * k + 1]! + scratch[3 * k + 2]!;
    if (denominator === 0) continue;
    present++;
    sum += (2 * scratch[3 * k]!) / denominator;
  }
  return present === 0 ? Number.NaN : sum / present;
}

/** Samples ordered by score with the boundaries of tied-score groups, for `weightedAuc`. */
export interface ScoreRanking {
  order: Uint32Array;
  /** groupStart[g] … groupStart[g + 1] − 1 are positions in `order` sharing one score. */
  groupStart: Uint32Array;
}

export function scoreRanking(score: Float64Array): ScoreRanking {
  const order = sortedOrder(score);
  const starts: number[] = [];
  for (let j = 0; j < order.length; j++) {
    if (j === 0 || score[order[j]!] !== score[order[j - 1]!]) starts.push(j);
  }
  starts.push(order.length);
  return { order, groupStart: Uint32Array.from(starts) };
}

/**
 * ROC AUC as the Mann–Whitney probability P(score⁺ > score⁻) + ½·P(score⁺ = score⁻), i.e. U / (n₁·n₀)
 * with ties counted ½ — identical to the trapezoidal ROC area (scikit-learn's roc_auc_score). One pass
 * over the pre-sorted tie groups, O(n) per weight vector. NaN when either class has zero weight.
 */
export function weightedAuc(
  label: Uint8Array,
  ranking: ScoreRanking,
  weights: ArrayLike<number> | null,
): number {
  const { order, groupStart } = ranking;
  let negativesBelow = 0;
  let numerator = 0;
  let positives = 0;
  for (let g = 0; g + 1 < groupStart.length; g++) {
    let groupPositive = 0;
    let groupNegative = 0;
    for (let j = groupStart[g]!; j < groupStart[g + 1]!; j++) {
      const index = order[j]!;
      const w = weights === null ? 1 : weights[index]!;
      if (label[index] === 1) groupPositive += w;
      else groupNegative += w;
    }
    numerator += groupPositive * (negativesBelow + 0.5 * groupNegative);
    negativesBelow += groupNegative;
    positives += groupPositive;
  }
  if (positives === 0 || negativesBelow === 0) return Number.NaN;
  return numerator / (positives * negativesBelow);
}
