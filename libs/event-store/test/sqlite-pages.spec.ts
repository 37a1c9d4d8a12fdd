import { pagedIterable } from '../src/sqlite/sqlite-pages';

function pager(pages: number[][]) {
  const calls = { count: 0 };
  const iterable = pagedIterable(() => {
    calls.count += 1;
    return pages.shift() ?? [];
  }, (row) => row * 10);
  return { iterable, calls };
}

describe('pagedIterable', () => {
  it('yields every item of every page, lazily, until an empty page', async () => {
    const { iterable, calls } = pager([[1, 2], [3], [], [4]]);
    expect(calls.count).toBe(0);
    const seen: number[] = [];
    for await (const item of iterable) seen.push(item);
    expect(seen).toEqual([10, 20, 30]);
    expect(calls.count).toBe(3);
    expect(await iterable.next()).toEqual({ done: true, value: undefined });
    expect(calls.count).toBe(3);
  });

  it('is finished by break, like a generator: a second loop yields nothing', async () => {
    const { iterable, calls } = pager([[1, 2], [3]]);
    for await (const item of iterable) if (item === 10) break;
    const again: number[] = [];
    for await (const item of iterable) again.push(item);
    expect(again).toEqual([]);
    expect(calls.count).toBe(1);
  });

  it('rejects with the page error, then is finished', async () => {
    const iterable = pagedIterable<number, number>(() => {
      throw new Error('database closed');
    }, (row) => row);
    await expect(iterable.next()).rejects.toThrow('database closed');
    expect(await iterable.next()).toEqual({ done: true, value: undefined });
  });

  it('rejects with an error turning a row into an item, then is finished', async () => {
    const iterable = pagedIterable<string, unknown>(() => ['{}', 'not json', '{}'], (row) => JSON.parse(row));
    expect(await iterable.next()).toEqual({ done: false, value: {} });
    await expect(iterable.next()).rejects.toThrow(SyntaxError);
    expect(await iterable.next()).toEqual({ done: true, value: undefined });
  });
});
