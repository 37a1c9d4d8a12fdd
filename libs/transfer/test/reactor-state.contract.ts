import { ReactorStateStore } from '../src/evidence-changes/state/reactor-state.port';

/**
 * The contract every ReactorStateStore adapter passes (memory, SQLite here; PostgreSQL in the
 * integration suite). `open(name)`: a store over a fresh place; opening the same name again
 * reopens it (a restart).
 */
export function itBehavesAsAReactorStateStore(open: (name: string) => Promise<ReactorStateStore>, options: { durable: boolean }): void {
  const opened: ReactorStateStore[] = [];
  const fresh = async (name: string) => {
    const store = await open(name);
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    while (opened.length > 0) await opened.pop()?.close();
  });

  it('has no checkpoint and no requests before the first commit', async () => {
    const s = await fresh('empty');
    expect(await s.load('r')).toBeNull();
    expect(await s.requestsOf('r', 'l1')).toEqual([]);
  });

  it('commits index entries and the checkpoint together; requests come back in submission order; an entry committed twice is kept once', async () => {
    const s = await fresh('commit');
    await s.commit('r', { position: 7, eventId: 'e7' }, [
      { learnerId: 'l1', requestId: 'q-b', position: 5 },
      { learnerId: 'l2', requestId: 'q-c', position: 6 },
    ]);
    await s.commit('r', { position: 9, eventId: 'e9' }, [
      { learnerId: 'l1', requestId: 'q-a', position: 8 },
      { learnerId: 'l1', requestId: 'q-b', position: 5 },
    ]);
    expect(await s.load('r')).toEqual({ position: 9, eventId: 'e9' });
    expect(await s.requestsOf('r', 'l1')).toEqual(['q-b', 'q-a']);
    expect(await s.requestsOf('r', 'l2')).toEqual(['q-c']);
    await s.commit('r', { position: 10, eventId: null }, []);
    expect(await s.load('r')).toEqual({ position: 10, eventId: null });
  });

  it('keeps one state per reactor name; reset forgets one reactor’s checkpoint and index only', async () => {
    const s = await fresh('names');
    await s.commit('a', { position: 3, eventId: 'e3' }, [{ learnerId: 'l1', requestId: 'q1', position: 2 }]);
    await s.commit('b', { position: 4, eventId: 'e4' }, [{ learnerId: 'l1', requestId: 'q2', position: 4 }]);
    expect(await s.requestsOf('a', 'l1')).toEqual(['q1']);
    await s.reset('a');
    expect(await s.load('a')).toBeNull();
    expect(await s.requestsOf('a', 'l1')).toEqual([]);
    expect(await s.load('b')).toEqual({ position: 4, eventId: 'e4' });
    expect(await s.requestsOf('b', 'l1')).toEqual(['q2']);
  });

  if (options.durable) {
    it('survives a reopen (a restart)', async () => {
      const first = await open('durable');
      await first.commit('r', { position: 12, eventId: 'e12' }, [{ learnerId: 'l1', requestId: 'q1', position: 11 }]);
      await first.close();
      const again = await fresh('durable');
      expect(await again.load('r')).toEqual({ position: 12, eventId: 'e12' });
      expect(await again.requestsOf('r', 'l1')).toEqual(['q1']);
    });
  }
}
