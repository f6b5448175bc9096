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

/**
 * Scratch for the packed grams of one text (grown as needed, never shrunk): vectors copy out of it.
 * Each is held as a signed 64-bit integer, written and read as its two 32-bit halves: the native sort
 * of 64-bit integers is much faster than that of doubles (which must order −0 and NaN too).
 */
let packedKeys = new BigInt64Array(4096);
let packedLows = new Uint32Array(packedKeys.buffer);
let packedHighs = new Int32Array(packedKeys.buffer);
/** Where a 64-bit integer's low and high halves sit among its two 32-bit words. */
const LOW = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

function reserve(length: number): void {
  if (packedKeys.length >= length) return;
  packedKeys = new BigInt64Array(Math.max(length, packedKeys.length * 2));
  packedLows = new Uint32Array(packedKeys.buffer);
  packedHighs = new Int32Array(packedKeys.buffer);
}

/**
 * The first `length` packed grams, sorted here in place → distinct grams with counts. Both arrays share
 * one buffer of exactly their size: a long page builds tens of thousands of vectors, and every
 * buffer is memory the collector tracks apart.
 */
function runLength(length: number, total: number): NgramVector {
  packedKeys.subarray(0, length).sort();
  const lows = packedLows;
  const highs = packedHighs;
  let distinct = 0;
  for (let i = 0; i < length; i++) {
    if (i === 0 || lows[2 * i + LOW] !== lows[2 * i - 2 + LOW] || highs[2 * i + HIGH] !== highs[2 * i - 2 + HIGH]) distinct++;
  }
  const buffer = new ArrayBuffer(distinct * 12);
  const grams = new Float64Array(buffer, 0, distinct);
  const counts = new Uint32Array(buffer, distinct * 8, distinct);
  let at = -1;
  for (let i = 0; i < length; i++) {
    const gram = highs[2 * i + HIGH]! * 4294967296 + lows[2 * i + LOW]!;
    if (at >= 0 && grams[at] === gram) counts[at]!++;
    else {
      at++;
      grams[at] = gram;
      counts[at] = 1;
    }
  }
  return { grams, counts, total };
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
  const positions = length - n + 1;
  reserve(positions);
  const lows = packedLows;
  const highs = packedHighs;
  // A bigram fills the low half; a trigram's first unit is its high half, the other two its low half.
  for (let i = 0; i < positions; i++) {
    if (n === 2) {
      lows[2 * i + LOW] = (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
      highs[2 * i + HIGH] = 0;
    } else {
      lows[2 * i + LOW] = (text.charCodeAt(i + 1) << 16) | text.charCodeAt(i + 2);
      highs[2 * i + HIGH] = text.charCodeAt(i);
    }
  }
  return runLength(positions, positions);
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
  return diceOf(sharedGrams(a, b), a, b);
}

/** The dice coefficient of two vectors that share `shared` n-grams (however it was counted). */
export function diceOf(shared: number, a: NgramVector, b: NgramVector): number {
  if (a.total === 0 && b.total === 0) return 1;
  if (a.total === 0 || b.total === 0) return 0;
  return (2 * shared) / (a.total + b.total);
}

/**
 * Shared n-gram counts (Σ min, as `sharedGrams`) of one vector against many: the vectors' n-grams
 * get dense ids once; a row's counts are spread into a table by id, and each vector it is compared
 * with sums over its own n-grams, one table read each, instead of merging two sorted lists per pair.
 */
export class SharedGramCounter {
  private readonly ids: GramIds;
  private readonly rowIds: Int32Array[];
  private readonly colIds: Int32Array[];
  private readonly table: Uint32Array;
  private row = -1;

  constructor(
    private readonly rows: readonly NgramVector[],
    private readonly cols: readonly NgramVector[],
  ) {
    let total = 0;
    for (const v of rows) total += v.grams.length;
    for (const v of cols) total += v.grams.length;
    const ids = new GramIds(total);
    const idsOf = (v: NgramVector): Int32Array => {
      const out = new Int32Array(v.grams.length);
      for (let g = 0; g < out.length; g++) out[g] = ids.add(v.grams[g]!);
      return out;
    };
    this.rowIds = rows.map(idsOf);
    this.colIds = cols.map(idsOf);
    this.ids = ids;
    this.table = new Uint32Array(ids.size);
  }

  /** Σ min(rows[row][g], cols[col][g]); cheapest when the calls come row by row. */
  shared(row: number, col: number): number {
    const table = this.table;
    if (row !== this.row) {
      if (this.row >= 0) for (const id of this.rowIds[this.row]!) table[id] = 0;
      const own = this.rowIds[row]!;
      const counts = this.rows[row]!.counts;
      for (let g = 0; g < own.length; g++) table[own[g]!] = counts[g]!;
      this.row = row;
    }
    const own = this.colIds[col]!;
    const counts = this.cols[col]!.counts;
    let shared = 0;
    for (let g = 0; g < own.length; g++) {
      const held = table[own[g]!]!;
      const count = counts[g]!;
      shared += held < count ? held : count;
    }
    return shared;
  }
}

/** How much of `part` is found in `whole`, 0..1: containment, for split and merge detection. */
export function containment(part: NgramVector, whole: NgramVector): number {
  if (part.total === 0) return 1;
  return sharedGrams(part, whole) / part.total;
}

/**
 * `containment(part, ngramVector(text, 2))` of one part against many texts, without building each
 * text's vector (a sort per text): the part's bigrams get slots in a small table, and a text is read
 * once, counting only the bigrams the part has.
 */
export class BigramContainment {
  /** Per slot: a bigram of the part as 32 bits (first unit << 16 | second), and its position in the part + 1 (0: empty). */
  private readonly slotKeys: Int32Array;
  private readonly slotGrams: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  /** Scratch: how often the text read holds each of the part's grams. */
  private readonly held: Uint32Array;

  constructor(private readonly part: NgramVector) {
    let bits = 6;
    while (1 << bits < part.grams.length * 4) bits++;
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.slotKeys = new Int32Array(1 << bits);
    this.slotGrams = new Int32Array(1 << bits);
    this.held = new Uint32Array(part.grams.length);
    part.grams.forEach((gram, k) => {
      if (gram < 0) return; // a text too short for a bigram: no text of two or more units holds it
      const key = gram | 0;
      let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.slotGrams[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slotKeys[slot] = key;
      this.slotGrams[slot] = k + 1;
    });
  }

  /** How much of the part is found in `text`'s bigrams, 0..1. */
  in(text: string): number {
    const { part, slotKeys, slotGrams, shift, mask, held } = this;
    if (part.total === 0 || text.length < 2) return containment(part, ngramVector(text, 2));
    let first = text.charCodeAt(0);
    for (let i = 1; i < text.length; i++) {
      const second = text.charCodeAt(i);
      const key = (first << 16) | second;
      first = second;
      for (let slot = Math.imul(key, 0x9e3779b1) >>> shift; slotGrams[slot] !== 0; slot = (slot + 1) & mask) {
        if (slotKeys[slot] === key) {
          held[slotGrams[slot]! - 1]!++;
          break;
        }
      }
    }
    let shared = 0;
    for (let k = 0; k < held.length; k++) {
      shared += Math.min(held[k]!, part.counts[k]!);
      held[k] = 0;
    }
    return shared / part.total;
  }
}

/** The sum of several vectors (the content of several articles together). */
export function addVectors(vectors: readonly NgramVector[]): NgramVector {
  const size = vectors.reduce((sum, v) => sum + v.total, 0);
  reserve(size);
  let at = 0;
  for (const v of vectors) {
    for (let k = 0; k < v.grams.length; k++) {
      const gram = v.grams[k]!;
      // A short text's gram is negative: its halves as a two's complement 64-bit integer.
      const high = Math.floor(gram / 4294967296);
      for (let c = 0; c < v.counts[k]!; c++) {
        packedLows[2 * at + LOW] = gram - high * 4294967296;
        packedHighs[2 * at + HIGH] = high;
        at++;
      }
    }
  }
  return runLength(size, size);
}

/** Dice over character bigrams of two strings. */
export function stringSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return dice(ngramVector(a), ngramVector(b));
}

/** A packed gram's two 32-bit halves, read from its bits (converting a double above 2^31 to an integer is a slow path). */
const gramBits = new Float64Array(1);
const gramHalves = new Int32Array(gramBits.buffer);

/**
 * Packed n-grams → dense ids 0, 1, 2, … in the order they were first added (open addressing on typed
 * arrays: a Map keyed by doubles costs several times more, and the indexes of long pages look up
 * millions of grams).
 */
export class GramIds {
  private keys: Float64Array;
  private ids: Int32Array;
  private bits: number;
  size = 0;

  constructor(expected = 1024) {
    let bits = 10;
    while (1 << bits < expected * 2) bits++;
    this.bits = bits;
    this.keys = new Float64Array(1 << bits);
    this.ids = new Int32Array(1 << bits).fill(-1);
  }

  /** The id of `gram`, or -1 if it was never added. */
  get(gram: number): number {
    const mask = (1 << this.bits) - 1;
    for (let slot = this.slot(gram); ; slot = (slot + 1) & mask) {
      const id = this.ids[slot]!;
      if (id < 0 || this.keys[slot] === gram) return id;
    }
  }

  /** The id of `gram`, a new one if it is new. */
  add(gram: number): number {
    if (this.size * 2 >= 1 << this.bits) this.grow();
    const mask = (1 << this.bits) - 1;
    for (let slot = this.slot(gram); ; slot = (slot + 1) & mask) {
      const id = this.ids[slot]!;
      if (id >= 0 && this.keys[slot] === gram) return id;
      if (id < 0) {
        this.keys[slot] = gram;
        this.ids[slot] = this.size;
        return this.size++;
      }
    }
  }

  private slot(gram: number): number {
    // Multiplicative hashing of both halves: the top bits of the product mix every bit of the gram.
    gramBits[0] = gram;
    return Math.imul(gramHalves[0]! ^ Math.imul(gramHalves[1]!, 0x9e3779b1), 0x85ebca6b) >>> (32 - this.bits);
  }

  private grow(): void {
    const keys = this.keys;
    const ids = this.ids;
    this.bits++;
    const mask = (1 << this.bits) - 1;
    this.keys = new Float64Array(1 << this.bits);
    this.ids = new Int32Array(1 << this.bits).fill(-1);
    for (let k = 0; k < keys.length; k++) {
      if (ids[k]! < 0) continue;
      let slot = this.slot(keys[k]!);
      while (this.ids[slot]! >= 0) slot = (slot + 1) & mask;
      this.keys[slot] = keys[k]!;
      this.ids[slot] = ids[k]!;
    }
  }
}
