/**
 * Work under one key runs one at a time in this process, in the order asked; other keys run side by
 * side. For work that must not overlap with itself, such as sending a mail and then recording that it
 * went: the second caller waits for the first and then sees its record.
 */
export const turnsPerKey = () => {
  const last = new Map<string, Promise<void>>();
  return async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const turn = (last.get(key) ?? Promise.resolve()).then(work);
    const done = turn.then(
      () => undefined,
      () => undefined,
    );
    last.set(key, done);
    try {
      return await turn;
    } finally {
      if (last.get(key) === done) last.delete(key);
    }
  };
};
