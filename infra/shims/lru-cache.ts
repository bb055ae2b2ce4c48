/**
 * Replaces mnemonist's `LRUCache` (~6 KB in every function with its typed-array pointers and obliterator).
 * In the bundles only `@aws-sdk/endpoint-cache` uses it: DynamoDB's endpoint-discovery cache, built with
 * every client and consulted only when endpoint discovery is on (it is off for DynamoDB unless configured).
 * The same least-recently-used cache on a `Map` (which keeps insertion order): `get` and `set` make a key
 * the most recent, `peek` and `has` do not, a `set` beyond the capacity drops the least recent key.
 * mnemonist keeps keys as object properties; the cache's keys are JSON strings, the same either way.
 * test/infra/bundle-plugins.test.ts runs random operation sequences on both.
 */
export default class LRUCache<K, V> {
  readonly capacity: number;
  private readonly items = new Map<K, V>();

  constructor(capacity: number) {
    if (typeof capacity !== 'number' || capacity <= 0)
      throw new Error('mnemonist/lru-cache: capacity should be positive number.');
    this.capacity = capacity;
  }

  /** How many keys it holds. */
  get size(): number {
    return this.items.size;
  }

  clear(): void {
    this.items.clear();
  }

  set(key: K, value: V): void {
    if (this.items.has(key)) this.items.delete(key);
    else if (this.items.size >= this.capacity) this.items.delete(this.items.keys().next().value as K);
    this.items.set(key, value);
  }

  has(key: K): boolean {
    return this.items.has(key);
  }

  get(key: K): V | undefined {
    if (!this.items.has(key)) return undefined;
    const value = this.items.get(key) as V;
    this.items.delete(key);
    this.items.set(key, value);
    return value;
  }

  peek(key: K): V | undefined {
    return this.items.get(key);
  }
}
