/**
 * Sample names as ranges: `s-0600…s-0637` instead of 38 names. Names that end in a number are
 * grouped by what comes before it and by how many digits it has, so `s-0600` and `s-600` never
 * join; everything else stays a name of its own.
 */

export interface NameRanges {
  /** Names or `first…last` ranges, in name order. */
  items: string[];
  /** Names covered by `items`. */
  shown: number;
  /** Names not covered by `items` (over the cap, or never listed). */
  more: number;
}

interface Numbered {
  name: string;
  head: string;
  digits: string;
  value: number;
}

function numbered(name: string): Numbered | null {
  const match = /^(.*?)(\d{1,15})$/.exec(name);
  if (!match) return null;
  return { name, head: match[1]!, digits: match[2]!, value: Number(match[2]) };
}

function follows(previous: Numbered, next: Numbered): boolean {
  return (
    previous.head === next.head &&
    previous.digits.length === next.digits.length &&
    next.value === previous.value + 1
  );
}

/**
 * `names` as at most `cap` items; `total` is how many names there are in all (a list that was
 * already capped upstream has more than it holds).
 */
export function nameRanges(names: readonly string[], total: number, cap = 8): NameRanges {
  const unique = [...new Set(names)];
  const parsed = unique.map((name) => ({ name, n: numbered(name) }));
  parsed.sort((a, b) => {
    if (a.n && b.n && a.n.head === b.n.head && a.n.digits.length === b.n.digits.length)
      return a.n.value - b.n.value;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  const groups: Array<{ first: string; last: string; size: number }> = [];
  let run: { first: Numbered; last: Numbered; size: number } | null = null;
  const flush = () => {
    if (run) groups.push({ first: run.first.name, last: run.last.name, size: run.size });
    run = null;
  };
  for (const { name, n } of parsed) {
    if (n === null) {
      flush();
      groups.push({ first: name, last: name, size: 1 });
      continue;
    }
    const current: { first: Numbered; last: Numbered; size: number } | null = run;
    if (current !== null && follows(current.last, n)) {
      current.last = n;
      current.size++;
      continue;
    }
    flush();
    run = { first: n, last: n, size: 1 };
  }
  flush();
  const kept = groups.slice(0, cap);
  const shown = kept.reduce((sum, g) => sum + g.size, 0);
  return {
    items: kept.map((g) => (g.size === 1 ? g.first : `${g.first}…${g.last}`)),
    shown,
    more: Math.max(0, Math.max(total, unique.length) - shown),
  };
}
