/**
 * @param compute a pure function of a string
 * @returns the same function, computing each key's answer once: for look-ups asked on
 *   every page (formatted dates, zone offsets through Intl, country names through ICU)
 */
export function remember<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (!known.has(key)) known.set(key, compute(key));
    return known.get(key) as T;
  };
}
