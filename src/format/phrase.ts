/**
 * A sentence of our own words with the names it quotes from the evidence (stages, metric keys,
 * slices, runs, sample ids) kept apart. Names are untrusted: the comment shows them as code spans,
 * where GitHub links no `@mention` or `#123` reference, so nothing a reviewer may copy needs an
 * invisible or look-alike character; a terminal shows them as they are. A phrase reads as its plain
 * text wherever a string is expected (`String(p)`, template literals, JSON).
 */

/** A name from the evidence inside a phrase. */
export interface Named {
  readonly name: string;
}

export type PhrasePart = string | Named;

export class Phrase {
  readonly parts: readonly PhrasePart[];

  constructor(parts: readonly PhrasePart[]) {
    // Adjacent words are merged so renderers see one text run between two names.
    const merged: PhrasePart[] = [];
    for (const part of parts) {
      const last = merged.length - 1;
      if (typeof part === 'string') {
        if (part === '') continue;
        if (last >= 0 && typeof merged[last] === 'string') merged[last] = `${merged[last]}${part}`;
        else merged.push(part);
      } else merged.push(part);
    }
    this.parts = merged;
  }

  get text(): string {
    return this.parts.map((p) => (typeof p === 'string' ? p : p.name)).join('');
  }

  toString(): string {
    return this.text;
  }

  toJSON(): string {
    return this.text;
  }

  /** The same phrase with its first letter upper-cased, when that letter is ours. */
  capitalised(): Phrase {
    const [first, ...rest] = this.parts;
    if (typeof first !== 'string') return this;
    return new Phrase([first.charAt(0).toUpperCase() + first.slice(1), ...rest]);
  }
}

export function named(name: string): Named {
  return { name };
}

type Piece = string | number | Named | Phrase;

function partsOf(value: Piece): PhrasePart[] {
  if (value instanceof Phrase) return [...value.parts];
  if (typeof value === 'number') return [String(value)];
  return [value];
}

/** `phrase\`inspect slice ${named(slice)}\``: literal text and numbers are ours, `named()` values are names. */
export function phrase(strings: TemplateStringsArray, ...values: readonly Piece[]): Phrase {
  const parts: PhrasePart[] = [];
  strings.forEach((s, i) => {
    parts.push(s);
    if (i < values.length) parts.push(...partsOf(values[i]!));
  });
  return new Phrase(parts);
}

/** Phrases (or names) joined by our separator, e.g. a list of sample ids. */
export function joinPhrases(items: readonly Piece[], separator: string): Phrase {
  return new Phrase(items.flatMap((item, i) => (i === 0 ? partsOf(item) : [separator, ...partsOf(item)])));
}

/** A whole string of our own words, e.g. a message already worded without names. */
export function words(text: string): Phrase {
  return new Phrase([text]);
}
