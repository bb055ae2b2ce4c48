import { describe, expect, it } from '@jest/globals';
import { builtOnFirstCall } from '../../../functions/shared/on-first-call.js';

class Counter {
  readonly name: string;
  private count = 0;
  constructor(name: string) {
    this.name = name;
  }
  async add(n: number): Promise<number> {
    this.count += n;
    return this.count;
  }
  async fail(): Promise<never> {
    throw new Error(`${this.name} refuses`);
  }
}

describe('builtOnFirstCall', () => {
  it('builds nothing until a method is called, then once for every call, each going to the built object', async () => {
    let builds = 0;
    const counter = builtOnFirstCall(
      async () => {
        builds += 1;
        return new Counter('real');
      },
      { name: 'known' },
    );
    expect(builds).toBe(0);
    expect(counter.name).toBe('known');
    expect(await Promise.all([counter.add(1), counter.add(2)])).toEqual([1, 3]);
    expect(await counter.add(4)).toBe(7);
    expect(builds).toBe(1);
    await expect(counter.fail()).rejects.toThrow('real refuses');
  });

  it('tries the build again after it failed', async () => {
    let attempt = 0;
    const counter = builtOnFirstCall(
      async () => {
        attempt += 1;
        if (attempt === 1) throw new Error('no network');
        return new Counter('second');
      },
      { name: 'c' },
    );
    await expect(counter.add(1)).rejects.toThrow('no network');
    expect(await counter.add(1)).toBe(1);
  });

  it('is not a thenable: awaiting the stand-in gives the stand-in, unbuilt', async () => {
    let builds = 0;
    const counter = builtOnFirstCall(
      async () => {
        builds += 1;
        return new Counter('real');
      },
      { name: 'c' },
    );
    expect(await counter).toBe(counter);
    expect(builds).toBe(0);
  });
});
