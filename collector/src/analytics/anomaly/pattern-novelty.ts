/**
 * Novelty of the recent shape of a signal: values are quantised into bins fixed after a short
 * learning period, and the contexts ending at each point (its last 1, 2, … `context` bins) are
 * remembered in a bitset (hashed, so memory stays fixed). The score is the share of those
 * contexts never seen before: a new value range makes every context new (1), a known value in a
 * new order only the longer ones, a repeated shape none (0). Repeated patterns, seasonal or not,
 * stop being surprising once learned, while a new shape stands out in proportion to how new it is.
 */

export interface NoveltyOptions {
  /** Bins across the range seen during learning. */
  bins: number;
  /** Longest context, in values. */
  context: number;
  /** Bits of the remembered-context set (a power of two). */
  tableBits: number;
  /** Points used to fix the bin width. */
  learnPoints: number;
}

export class PatternNovelty {
  private readonly table: Uint8Array;
  private readonly recent: Int32Array;
  private at = 0;
  private count = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private width = 0;

  constructor(private readonly options: NoveltyOptions) {
    this.table = new Uint8Array(options.tableBits >>> 3);
    this.recent = new Int32Array(options.context);
  }

  /** Share of the contexts ending at v that are new, in [0, 1] (always 0 while learning the bins). */
  update(v: number): number {
    this.count++;
    if (this.width === 0) {
      if (v < this.min) this.min = v;
      if (v > this.max) this.max = v;
      if (this.count < this.options.learnPoints) return 0;
      const span = this.max - this.min;
      this.width = span > 0 ? span / this.options.bins : Math.max(Math.abs(this.min) * 0.01, 1e-9);
    }
    const k = this.recent.length;
    this.recent[this.at] = Math.floor((v - this.min) / this.width);
    this.at = (this.at + 1) % k;
    const mask = this.options.tableBits - 1;
    let h = 0x811c9dc5;
    let novel = 0;
    for (let len = 1; len <= k; len++) {
      // FNV-1a over the bins from the newest back; the length is mixed in so that contexts of different lengths use different bits.
      h = Math.imul(h ^ this.recent[(this.at - len + k) % k], 0x01000193);
      const bit = ((h ^ Math.imul(len, 0x9e3779b1)) >>> 0) & mask;
      const byte = bit >>> 3;
      const m = 1 << (bit & 7);
      if ((this.table[byte] & m) === 0) {
        novel++;
        this.table[byte] |= m;
      }
    }
    // The first contexts after learning fill the table; they are not novelties.
    return this.count < this.options.learnPoints + k ? 0 : novel / k;
  }

  get bytes(): number {
    return this.table.byteLength + this.recent.byteLength + 5 * 8;
  }
}
