/**
 * `compute()` once per key. While it runs the key reads as undefined, so a computation that reaches
 * its own key again (a recursive type, `a = b; b = a`) stops there instead of looping. The keys being
 * computed are kept in a small set of their own: the cache itself is large (one entry per expression
 * of a repository), and each operation on it costs memory traffic.
 */
export class Memo<K, V> {
  private readonly values = new Map<K, V | null>();
  private readonly running = new Set<K>();

  get(key: K, compute: () => V | undefined): V | undefined {
    const cached = this.values.get(key);
    if (cached !== undefined) return cached ?? undefined;
    if (this.running.has(key)) return undefined;
    this.running.add(key);
    let result: V | undefined;
    try {
      result = compute();
    } finally {
      this.running.delete(key);
      this.values.set(key, result ?? null);
    }
    return result;
  }
}
