/**
 * `compute` remembered per string key (a tool name, an environment): the hot path then pays a map
 * lookup instead of running patterns again. The cache is cleared when it holds `limit` keys, so
 * memory stays bounded whatever the input.
 */
export function memoize<T>(compute: (key: string) => T, limit = 4096): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}
