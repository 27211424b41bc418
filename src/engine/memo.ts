/**
 * `compute()` once per key. While it runs the key reads as undefined, so a computation that reaches
 * its own key again (a recursive type, `a = b; b = a`) stops there instead of looping.
 */
export function memoized<K, V>(cache: Map<K, V | null>, key: K, compute: () => V | undefined): V | undefined {
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  cache.set(key, null);
  const result = compute();
  cache.set(key, result ?? null);
  return result;
}
