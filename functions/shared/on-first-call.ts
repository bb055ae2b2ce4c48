/** The public members of `T` that are methods returning a promise. */
export type AsyncMethodsOf<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T];

/**
 * A stand-in for an object whose every method is asynchronous: the object is built (its modules loaded)
 * on the first call of any of its methods, once, and every call goes to it. A cold start then does not
 * parse or run the code of services the request it serves never uses (the API's commands for a public
 * read). Its other public members must be given in `known`, values available without building it: the
 * type refuses a `T` with a synchronous method or a field left out. A failed build is tried again on
 * the next call.
 */
export const builtOnFirstCall = <T extends object>(build: () => Promise<T>, known: Omit<T, AsyncMethodsOf<T>>): T => {
  let built: Promise<T> | undefined;
  const real = () => {
    if (!built) {
      built = build();
      built.catch(() => (built = undefined));
    }
    return built;
  };
  return new Proxy(known as object, {
    get: (target, name) => {
      if (Object.hasOwn(target, name)) return (target as Record<PropertyKey, unknown>)[name];
      // Not a thenable (so `await` on it is itself), and no symbol-keyed protocol (inspection, iteration).
      if (typeof name === 'symbol' || name === 'then') return undefined;
      return async (...args: unknown[]) => {
        const object = (await real()) as Record<string, (...a: unknown[]) => unknown>;
        return object[name]!(...args);
      };
    },
  }) as T;
};
