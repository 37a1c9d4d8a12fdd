import { pagedIterable } from '../src/sqlite/sqlite-pages';

function pager(pages: number[][]) {
  const calls = { count: 0 };
  const iterable = pagedIterable(() => {
    calls.count += 1;
    return pages.shift() ?? [];
  });
  return { iterable, calls };
}

describe('pagedIterable', () => {
  it('yields every item of every page, lazily, until an empty page', async () => {
    const { iterable, calls } = pager([[1, 2], [3], [], [4]]);
    expect(calls.count).toBe(0);
    const seen: number[] = [];
    for await (const item of iterable) seen.push(item);
    expect(seen).toEqual([1, 2, 3]);
    expect(calls.count).toBe(3);
    expect(await iterable.next()).toEqual({ done: true, value: undefined });
    expect(calls.count).toBe(3);
  });

  it('is finished by break, like a generator: a second loop yields nothing', async () => {
    const { iterable, calls } = pager([[1, 2], [3]]);
    for await (const item of iterable) if (item === 1) break;
    const again: number[] = [];
    for await (const item of iterable) again.push(item);
    expect(again).toEqual([]);
    expect(calls.count).toBe(1);
  });

  it('rejects with the page error, then is finished', async () => {
    const iterable = pagedIterable<number>(() => {
      throw new Error('database closed');
    });
    await expect(iterable.next()).rejects.toThrow('database closed');
    expect(await iterable.next()).toEqual({ done: true, value: undefined });
  });
});
