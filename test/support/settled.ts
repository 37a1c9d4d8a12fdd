import { ReadModelProjector } from '@app/projections';
import { EvidenceChangesLifecycle } from '@app/transfer';
import type { StandaloneUnderTest } from './standalone-app';

/**
 * Until the standalone app is quiet: the evidence-change reactor has handled the whole log (its
 * flags included) and the embedded projector has applied it. A write that changes evidence makes
 * the reactor append after it, so waiting for the projector alone at the head read right after the
 * write may miss the flag.
 */
export async function settled(t: StandaloneUnderTest, timeoutMs = 20_000): Promise<number> {
  const reactor = t.app.get(EvidenceChangesLifecycle).current;
  const projector = t.app.get(ReadModelProjector);
  for (let head = await t.store.headPosition(); ; ) {
    await reactor?.waitFor(head, timeoutMs);
    await projector.waitFor(head);
    const now = await t.store.headPosition();
    if (now === head) return head;
    head = now;
  }
}
