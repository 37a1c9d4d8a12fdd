import { BatchCoalescer } from '@app/messaging';

/** A coalescer whose first call of `work` waits for `release()`, recording every call's items. */
function holdingFirstCall<T, R>(work: (items: readonly T[]) => R[], maxItems?: number) {
  const calls: T[][] = [];
  let release: () => void = () => undefined;
  const coalescer = new BatchCoalescer<T, R>(async (items) => {
    calls.push([...items]);
    if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
    return work(items);
  }, maxItems);
  return { coalescer, calls, release: () => release() };
}

describe('BatchCoalescer: one call of the work for the submissions made while it runs', () => {
  it('runs the first submission alone, the ones made meanwhile together; each gets its own results in order', async () => {
    const { coalescer, calls, release } = holdingFirstCall<number, string>((items) => items.map((n) => `r${n}`));
    const first = coalescer.submit([1, 2]);
    const second = coalescer.submit([3]);
    const third = coalescer.submit([4, 5]);
    release();
    expect(await Promise.all([first, second, third])).toEqual([['r1', 'r2'], ['r3'], ['r4', 'r5']]);
    expect(calls).toEqual([[1, 2], [3, 4, 5]]);
  });

  it('never lets a call exceed maxItems, but never splits a submission', async () => {
    const { coalescer, calls, release } = holdingFirstCall<number, number>((items) => [...items], 3);
    const all = [coalescer.submit([0]), coalescer.submit([1, 2]), coalescer.submit([3]), coalescer.submit([4, 5, 6, 7])];
    release();
    await Promise.all(all);
    expect(calls).toEqual([[0], [1, 2, 3], [4, 5, 6, 7]]);
  });

  it('rejects every submission of a failed call, and goes on with the next ones', async () => {
    const { coalescer, release } = holdingFirstCall<string, string>((items) => {
      if (items.includes('bad')) throw new Error('transaction rolled back');
      return [...items];
    });
    const first = coalescer.submit(['a']);
    const failing = [coalescer.submit(['b']), coalescer.submit(['bad'])];
    release();
    expect(await first).toEqual(['a']);
    for (const p of failing) await expect(p).rejects.toThrow('transaction rolled back');
    expect(await coalescer.submit(['c'])).toEqual(['c']);
  });
});
