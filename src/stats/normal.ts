import { checkConfidence, StatsInputError } from './input-error.js';

/*
 * Inverse of the standard normal CDF by Wichura's algorithm AS 241 (PPND16), Applied Statistics 37(3),
 * 477–484, 1988: three rational approximations (central, intermediate and far tail), accurate to about
 * 1 part in 1e16 over the whole double range, with no iteration and no dependency on an erfc
 * implementation (which Acklam's method needs for its refinement step to reach full precision).
 * The published 20-digit coefficients are written as the doubles they round to (shortest round-trip form).
 */

const SPLIT1 = 0.425;
const SPLIT2 = 5;
const CONST1 = 0.180625;
const CONST2 = 1.6;

const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

function ratio(numerator: readonly number[], denominator: readonly number[], x: number): number {
  let num = 0;
  let den = 0;
  for (let i = numerator.length - 1; i >= 0; i--) {
    num = num * x + numerator[i]!;
    den = den * x + denominator[i]!;
  }
  return num / den;
}

/**
 * The standard normal quantile Φ⁻¹(p). Returns -Infinity for p = 0 and +Infinity for p = 1; throws a
 * StatsInputError for p outside [0, 1] or NaN.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw new StatsInputError('invalid-option', `normal quantile needs a probability in [0, 1], got ${p}`);
  }
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= SPLIT1) {
    return q * ratio(A, B, CONST1 - q * q);
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const z = r <= SPLIT2 ? ratio(C, D, r - CONST2) : ratio(E, F, r - SPLIT2);
  return q < 0 ? -z : z;
}

/** The two-sided critical value z such that P(|Z| ≤ z) = confidence. */
export function twoSidedCriticalValue(confidence: number): number {
  checkConfidence(confidence);
  // The lower tail keeps full relative precision for confidence levels close to 1.
  return -normalQuantile((1 - confidence) / 2);
}
