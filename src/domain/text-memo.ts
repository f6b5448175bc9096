/**
 * Results of a pure text function, remembered per text: a diff or a parse asks about the same texts
 * many times (the two versions of a page share most provisions word for word). Bounded: once `limit`
 * results are kept they are all forgotten, so a long-running UI does not keep every text it saw.
 */
export class TextMemo<T> {
  private readonly kept = new Map<string, T>();

  constructor(private readonly limit: number) {}

  /** What `compute(key)` gives, computed once while remembered. */
  get(key: string, compute: (key: string) => T): T {
    let value = this.kept.get(key);
    if (value === undefined) {
      if (this.kept.size >= this.limit) this.kept.clear();
      value = compute(key);
      this.kept.set(key, value);
    }
    return value;
  }
}
