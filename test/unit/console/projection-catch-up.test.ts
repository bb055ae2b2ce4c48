import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { MutationObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { CATCH_UP_MS, projectionCatchUp } from '../../../console/src/commons/projection-catch-up.js';

// After a command, the console reads the projected lists again once the projector has had time to catch up,
// so what someone just did shows in the list they open next; a request's own page keeps its version.

// Fake timers: the delays are seconds long, and a loaded machine must not decide the outcome.
const sleep = (ms: number) => jest.advanceTimersByTimeAsync(ms);

const watch = (client: QueryClient, key: string[]) => {
  let reads = 0;
  const observer = new QueryObserver(client, { queryKey: key, queryFn: async () => ++reads, staleTime: Infinity });
  const stop = observer.subscribe(() => undefined);
  return { reads: () => reads, stop };
};

describe('reading projected lists again after a command', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('reads the lists on screen again at each catch-up delay, and leaves the request page alone', async () => {
    // Prepare
    const client: QueryClient = new QueryClient({ mutationCache: projectionCatchUp(() => client) });
    const list = watch(client, ['requests', 'legal']);
    const published = watch(client, ['published']);
    const page = watch(client, ['request', 'NECS-2026-00001']);
    await sleep(10);
    expect([list.reads(), published.reads(), page.reads()]).toEqual([1, 1, 1]);

    // Act
    await new MutationObserver(client, { mutationFn: async () => ({ ok: true }) }).mutate();

    // Assess: nothing before the first delay; one more read at each delay; the request page never.
    expect(CATCH_UP_MS).toEqual([1_500, 5_000]);
    await sleep(1_400);
    expect([list.reads(), published.reads()]).toEqual([1, 1]);
    await sleep(200);
    expect([list.reads(), published.reads()]).toEqual([2, 2]);
    await sleep(3_500);
    expect([list.reads(), published.reads(), page.reads()]).toEqual([3, 3, 1]);
    [list, published, page].forEach((w) => w.stop());
    client.clear();
  });

  it('does nothing after a command that failed', async () => {
    // Prepare
    const client: QueryClient = new QueryClient({
      mutationCache: projectionCatchUp(() => client),
      defaultOptions: { mutations: { retry: 0 } },
    });
    const list = watch(client, ['requests']);
    await sleep(10);

    // Act
    await new MutationObserver(client, { mutationFn: async () => Promise.reject(new Error('409')) })
      .mutate()
      .catch(() => undefined);

    // Assess
    await sleep(6_000);
    expect(list.reads()).toBe(1);
    list.stop();
    client.clear();
  });
});
