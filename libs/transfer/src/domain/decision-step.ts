import { DecisionOrigin } from './transfer-request.events';

/** The appeal a revision answers, with its event's id and global position when the fold knew them. */
export type StepAppeal = { eventId: string | null; position: number | null; grounds: string; itemIds: string[]; appealedOn: string };

/**
 * The step that took a decision in force: the registrar's decision (ItemsDecided) or a revision
 * (RequestRevised), its event's id and global position when the fold knew them (the event store's
 * folds and the read models' do), its date, and for a revision its note, the appeal it answers
 * and the evidence changes it answered (their causing event ids: the flags it cleared).
 */
export interface DecisionStep {
  type: 'ItemsDecided' | 'RequestRevised';
  eventId: string | null;
  position: number | null;
  on: string;
  note: string | null;
  appeal: StepAppeal | null;
  evidenceChanges: string[];
}

/** The step of a decision or revision event folded on `state` (the state before it). */
export function decisionStepOf(
  state: { openEvidenceChanges: string[] },
  event: { type: 'ItemsDecided' | 'RequestRevised'; id?: string; position?: number },
  on: string,
  note: string | null,
  appeal: StepAppeal | null,
): DecisionStep {
  return { type: event.type, eventId: event.id ?? null, position: event.position ?? null, on, note, appeal, evidenceChanges: [...state.openEvidenceChanges] };
}

/** A kept decision's step as the revision names it, for a decision folded before steps were kept. */
export function keptOrigin(itemId: string, kept: { itemId: string; decidedIn: DecisionOrigin | null }[]): DecisionStep | undefined {
  const origin = kept.find((k) => k.itemId === itemId)?.decidedIn;
  return origin ? { type: origin.type, eventId: origin.eventId, position: null, on: origin.on, note: null, appeal: null, evidenceChanges: [] } : undefined;
}

/** Where a decision was taken, as a revision that keeps it names it. */
export const originOf = (step: DecisionStep): DecisionOrigin => ({ type: step.type, eventId: step.eventId, on: step.on });
