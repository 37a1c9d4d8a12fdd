import { Decider, DomainError, DomainEvent, DomainErrorKind } from '@app/kernel';

/**
 * Given/when/then for deciders:
 *   given(decider, [pastEvents]).when(command).then([expectedEvents])
 *   given(decider, [pastEvents]).when(command).thenRefuses('conflict', 'request-withdrawn')
 */
export function given<C, S, E extends DomainEvent>(decider: Decider<C, S, E>, history: E[] = []) {
  const state = history.reduce((s, e) => decider.evolve(s, e), decider.initialState);
  return {
    state,
    when(command: C) {
      const run = (): E[] => decider.decide(command, state);
      return {
        /** The decider emits exactly these events (deep equality, in order). */
        then(expected: E[]): E[] {
          const events = run();
          expect(events).toEqual(expected);
          return events;
        },
        /** The decider emits events matching these partial shapes, in order. */
        thenMatches(expected: Array<{ type: E['type']; data?: Partial<E['data']> | Record<string, unknown> }>): E[] {
          const events = run();
          expect(events).toHaveLength(expected.length);
          expected.forEach((shape, i) => expect(events[i]).toMatchObject(shape));
          return events;
        },
        /** The decider refuses with a DomainError of this kind and code, and emits nothing. */
        thenRefuses(kind: DomainErrorKind, code: string): DomainError {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          expect(thrown).toMatchObject({ kind, code });
          return thrown as DomainError;
        },
      };
    },
  };
}
