/** Levenshtein distance; inputs are config keys and enum values, so quadratic is fine. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const normalize = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');

/**
 * The closest candidate, if it is close enough to be a likely typo: same word written in another
 * case or separator style (`maxDrop`, `max-drop`), or within a third of the word's length in edits.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | null {
  const exact = candidates.find((c) => normalize(c) === normalize(word));
  if (exact !== undefined) return exact;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : null;
}
