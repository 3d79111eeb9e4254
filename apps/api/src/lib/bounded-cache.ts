/**
 * An in-process LRU map bounded by entry count and, optionally, by a total
 * weight (e.g. characters held). Oldest-used entries go first.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, { value: V; weight: number }>();
  private weight = 0;

  constructor(private readonly opts: { maxEntries: number; maxWeight?: number; weigh?: (value: V) => number }) {}

  get(key: K): V | undefined {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    // Re-insert: Map keeps insertion order, so the first key is the least recently used.
    this.map.delete(key);
    this.map.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.opts.weigh?.(value) ?? 0;
    this.map.set(key, { value, weight });
    this.weight += weight;
    while (this.map.size > this.opts.maxEntries || (this.opts.maxWeight !== undefined && this.weight > this.opts.maxWeight && this.map.size > 1)) {
      this.delete(this.map.keys().next().value as K);
    }
  }

  delete(key: K): void {
    const entry = this.map.get(key);
    if (!entry) return;
    this.map.delete(key);
    this.weight -= entry.weight;
  }

  deleteWhere(test: (key: K) => boolean): void {
    for (const key of [...this.map.keys()]) if (test(key)) this.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}
