/** The work in progress under `key`, or `start`ed and kept there until it settles: concurrent callers share one run. */
export function shareInFlight<K, V>(inFlight: Map<K, Promise<V>>, key: K, start: () => Promise<V>): Promise<V> {
  const running = inFlight.get(key);
  if (running !== undefined) return running;
  const started = start().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}
