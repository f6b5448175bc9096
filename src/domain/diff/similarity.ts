/**
 * Character n-gram similarity, which suits Korean (particles glue onto words, so word overlap
 * undercounts). A text becomes an n-gram count vector once; every comparison then costs the number
 * of distinct n-grams of the smaller vector, never the text length squared.
 */

export interface NgramVector {
  /** n-gram → count; an n-gram is packed into a number (16 bits per UTF-16 unit, n ≤ 3). */
  counts: Map<number, number>;
  /** Sum of counts. */
  total: number;
}

/** Counts the character n-grams (n = 2 or 3) of an already normalised string. Shorter strings count as one gram. */
export function ngramVector(text: string, n: 2 | 3 = 2): NgramVector {
  const counts = new Map<number, number>();
  const length = text.length;
  if (length === 0) return { counts, total: 0 };
  if (length < n) {
    let gram = 1; // a leading 1 keeps short grams apart from full ones
    for (let i = 0; i < length; i++) gram = gram * 65536 + text.charCodeAt(i);
    counts.set(-gram, 1);
    return { counts, total: 1 };
  }
  for (let i = 0; i + n <= length; i++) {
    const gram =
      n === 2
        ? text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1)
        : (text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1)) * 65536 + text.charCodeAt(i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return { counts, total: length - n + 1 };
}

/** Σ min(a[g], b[g]): how many n-grams the two texts share. */
export function sharedGrams(a: NgramVector, b: NgramVector): number {
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [gram, count] of small.counts) {
    const other = large.counts.get(gram);
    if (other !== undefined) shared += Math.min(count, other);
  }
  return shared;
}

/** Dice coefficient over n-gram multisets, 0..1 (1 = same grams). Two empty texts are identical. */
export function dice(a: NgramVector, b: NgramVector): number {
  if (a.total === 0 && b.total === 0) return 1;
  if (a.total === 0 || b.total === 0) return 0;
  return (2 * sharedGrams(a, b)) / (a.total + b.total);
}

/** How much of `part` is found in `whole`, 0..1: containment, for split and merge detection. */
export function containment(part: NgramVector, whole: NgramVector): number {
  if (part.total === 0) return 1;
  return sharedGrams(part, whole) / part.total;
}

/** The sum of several vectors (the content of several articles together). */
export function addVectors(vectors: readonly NgramVector[]): NgramVector {
  const counts = new Map<number, number>();
  let total = 0;
  for (const vector of vectors) {
    for (const [gram, count] of vector.counts) counts.set(gram, (counts.get(gram) ?? 0) + count);
    total += vector.total;
  }
  return { counts, total };
}

/** Dice over character bigrams of two strings. */
export function stringSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return dice(ngramVector(a), ngramVector(b));
}
