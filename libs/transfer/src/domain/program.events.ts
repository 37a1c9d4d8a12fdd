import { DomainEvent, Json } from '@app/kernel';

/**
 * A program version was published (stream `program-<programId>`). The definition is the
 * engine's program document exactly as validated by `parseProgram`; it never changes after.
 */
export type ProgramVersionPublished = DomainEvent<
  'ProgramVersionPublished',
  {
    programId: string;
    /** Catalog year, e.g. "2026-27" or "2026-2027". */
    version: string;
    /** The receiving institution that owns the program (set by the first version). */
    institutionId: string;
    title: string | null;
    creditUnit: string;
    totalCredits: string;
    definition: { [key: string]: Json };
    publishedOn: string;
  }
>;

export type ProgramEvent = ProgramVersionPublished;
