/**
 * Character n-gram similarity, which suits Korean (particles glue onto words, so word overlap
 * undercounts). A text becomes an n-gram count vector once; every comparison then costs the number
 * of distinct n-grams of the smaller vector, never the text length squared.
 */

export interface NgramVector {
  /** Distinct n-grams, ascending; an n-gram is packed into a number (16 bits per UTF-16 unit, n ≤ 3). */
  grams: Float64Array;
  /** counts[k]: how often grams[k] occurs. */
  counts: Uint32Array;
  /** Sum of counts. */
  total: number;
}

const EMPTY: NgramVector = { grams: new Float64Array(0), counts: new Uint32Array(0), total: 0 };

/** Sorted packed grams → distinct grams with counts (typed arrays: cheap to build, cheap to merge). */
function runLength(packed: Float64Array, total: number): NgramVector {
  packed.sort();
  const grams = new Float64Array(packed.length);
  const counts = new Uint32Array(packed.length);
  let distinct = -1;
  for (let i = 0; i < packed.length; i++) {
    if (distinct >= 0 && grams[distinct] === packed[i]) counts[distinct]!++;
    else {
      distinct++;
      grams[distinct] = packed[i]!;
      counts[distinct] = 1;
    }
  }
  return { grams: grams.subarray(0, distinct + 1), counts: counts.subarray(0, distinct + 1), total };
}

/** Counts the character n-grams (n = 2 or 3) of an already normalised string. Shorter strings count as one gram. */
export function ngramVector(text: string, n: 2 | 3 = 2): NgramVector {
  const length = text.length;
  if (length === 0) return EMPTY;
  if (length < n) {
    let gram = 1; // a leading 1 keeps short grams apart from full ones
    for (let i = 0; i < length; i++) gram = gram * 65536 + text.charCodeAt(i);
    return { grams: Float64Array.of(-gram), counts: Uint32Array.of(1), total: 1 };
  }
  const packed = new Float64Array(length - n + 1);
  for (let i = 0; i + n <= length; i++) {
    packed[i] =
      n === 2
        ? text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1)
        : (text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1)) * 65536 + text.charCodeAt(i + 2);
  }
  return runLength(packed, packed.length);
}

/** Σ min(a[g], b[g]): how many n-grams the two texts share (a merge of two sorted lists). */
export function sharedGrams(a: NgramVector, b: NgramVector): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  const ga = a.grams;
  const gb = b.grams;
  while (i < ga.length && j < gb.length) {
    const x = ga[i]!;
    const y = gb[j]!;
    if (x === y) {
      shared += Math.min(a.counts[i]!, b.counts[j]!);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
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
  const size = vectors.reduce((sum, v) => sum + v.total, 0);
  const packed = new Float64Array(size);
  let at = 0;
  for (const v of vectors) {
    for (let k = 0; k < v.grams.length; k++) for (let c = 0; c < v.counts[k]!; c++) packed[at++] = v.grams[k]!;
  }
  return runLength(packed, size);
}

/** Dice over character bigrams of two strings. */
export function stringSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return dice(ngramVector(a), ngramVector(b));
}
