/**
 * Why a statistic could not be computed. `empty` is the one the engine reports as "not enough samples";
 * every other reason means the caller handed over malformed data and must surface it as an evidence error.
 */
export type StatsInputReason =
  | 'empty'
  | 'length-mismatch'
  | 'not-finite'
  | 'not-binary'
  | 'invalid-count'
  | 'invalid-option';

/**
 * Thrown for every input the statistics cannot be computed from. The functions in `stats/` never return a
 * half-computed result: either all fields are meaningful numbers or this is thrown. It is a RangeError so
 * generic handlers treat it as bad input, and carries a machine-readable `reason` so the gate layer can
 * turn `empty` into "not enough samples" without parsing messages.
 */
export class StatsInputError extends RangeError {
  override readonly name = 'StatsInputError';
  readonly reason: StatsInputReason;

  constructor(reason: StatsInputReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

export function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new StatsInputError(
      'invalid-option',
      `confidence must be strictly between 0 and 1 (e.g. 0.95), got ${confidence}`,
    );
  }
}

export function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new StatsInputError('invalid-count', `${name} must be a non-negative integer, got ${value}`);
  }
}

export function checkPairedLengths(baseline: ArrayLike<number>, candidate: ArrayLike<number>): void {
  if (baseline.length !== candidate.length) {
    throw new StatsInputError(
      'length-mismatch',
      `paired samples must have equal length: baseline has ${baseline.length}, candidate has ${candidate.length}`,
    );
  }
  if (baseline.length === 0) {
    throw new StatsInputError('empty', 'no paired samples: at least one pair is needed');
  }
}
