import { EntityManager } from 'typeorm';
import { heldCredentialsOf, LearnerRecord } from '@app/records';
import { parseStoredProgram, Program } from '@app/requirements';
import { ConversionTableRecord, LearnerExceptionRecord, LearnerExceptionsState, PolicyState, ProgramState, PublishedPolicy, TransferRequestState } from '@app/transfer';
import { AdmissionRow, LearnerExceptionsRow, LearnerRow, PolicyRow, ProgramRow, RequestRow } from '../read-model/entities';
import { findByKeys } from '../runtime/bulk-read';
import { decidedFor, RequestForEligibility } from './decided-credit';
import { evidenceFor } from './home-credit';
import { EligibilityInputs } from './evaluate-eligibility';

const admissionKey = (institutionId: string, learnerId: string, programId: string) => `${institutionId}\u0000${learnerId}\u0000${programId}`;

/** Everything an eligibility evaluation reads from the read models, and how recent it is. */
export interface LoadedEligibility {
  learnerId: string;
  programId: string;
  institutionId: string;
  record: LearnerRecord;
  program: { version: string; program: Program };
  policies: PublishedPolicy[];
  admissions: AdmissionRow[];
  /** The learner's requests toward the program at its institution (their decisions in force bind). */
  requests: RequestForEligibility[];
  /** The exceptions the institution granted the learner for the program, outside requests (every version it was bound to). */
  learnerExceptions: LearnerExceptionRecord[];
  /** Highest global position among the rows read (order-independent: the same whatever order they were projected in). */
  inputsPosition: number;
  /** Latest recorded-at among the rows read: the default reference date is its day. */
  lastRecordedAt: string;
}

export type LoadResult = { ok: true; loaded: LoadedEligibility } | { ok: false; missing: 'learner' | 'program' | 'version' };

/**
 * Reads a learner's record, a program's latest version, the receiving institution's policies and
 * the admissions, through one EntityManager (the projector's transaction, or a query's reader).
 * Caches what it parsed, so one loader serves every progress row of a batch.
 */
export class EligibilityInputsLoader {
  private readonly learners = new Map<string, LearnerRow | null>();
  private readonly programs = new Map<string, { row: ProgramRow; version: string; program: Program } | null>();
  private readonly policies = new Map<string, { rows: PolicyRow[]; published: PublishedPolicy[] }>();
  /** Admissions of the preloaded learners, by institution, learner and program. */
  private readonly admissions = new Map<string, AdmissionRow[]>();
  private readonly admissionsLoaded = new Set<string>();
  /** Requests of the preloaded learners, by learner and program. */
  private readonly requests = new Map<string, RequestRow[]>();
  /** Learner-exception rows of the preloaded learners, by learner and institution. */
  private readonly exceptionRows = new Map<string, LearnerExceptionsRow>();

  constructor(private readonly manager: EntityManager) {}

  /**
   * Reads the learner rows and admissions of many learners in a few `IN` queries (a projector
   * batch re-evaluates many progress rows); `load` then finds them here instead of one query each.
   */
  async preload(learnerIds: Iterable<string>): Promise<void> {
    const wanted = [...new Set(learnerIds)].filter((id) => !this.admissionsLoaded.has(id));
    for (const id of wanted) this.learners.set(id, null);
    for (const row of await findByKeys(this.manager, LearnerRow, 'learnerId', wanted)) this.learners.set(row.learnerId, row);
    for (const row of await findByKeys(this.manager, AdmissionRow, 'learnerId', wanted)) {
      const key = admissionKey(row.institutionId, row.learnerId, row.programId);
      this.admissions.set(key, [...(this.admissions.get(key) ?? []), row]);
    }
    for (const row of await findByKeys(this.manager, RequestRow, 'learnerId', wanted)) {
      const key = `${row.learnerId}\u0000${row.programId}`;
      this.requests.set(key, [...(this.requests.get(key) ?? []), row]);
    }
    for (const row of await findByKeys(this.manager, LearnerExceptionsRow, 'learnerId', wanted)) this.exceptionRows.set(`${row.learnerId}\u0000${row.institutionId}`, row);
    for (const id of wanted) this.admissionsLoaded.add(id);
  }

  /** `version`: that program version instead of the latest (what-if). */
  async load(learnerId: string, programId: string, version?: string): Promise<LoadResult> {
    const learner = await this.learner(learnerId);
    const record = learner ? (JSON.parse(learner.record) as LearnerRecord) : null;
    if (!learner || !record?.registered) return { ok: false, missing: 'learner' };
    const program = await this.program(programId, version);
    if (program === 'no-version') return { ok: false, missing: 'version' };
    if (!program) return { ok: false, missing: 'program' };
    const institutionId = program.row.institutionId;
    const policies = await this.institutionPolicies(institutionId);
    const admissions = this.admissionsLoaded.has(learnerId)
      ? (this.admissions.get(admissionKey(institutionId, learnerId, programId)) ?? [])
      : await this.manager.findBy(AdmissionRow, { institutionId, learnerId, programId });
    const requestRows = (this.admissionsLoaded.has(learnerId)
      ? (this.requests.get(`${learnerId}\u0000${programId}`) ?? [])
      : await this.manager.findBy(RequestRow, { learnerId, programId })
    ).filter((r) => r.receivingInstitution === institutionId);
    const requests = requestRows.map((r) => ({ state: JSON.parse(r.state) as TransferRequestState, position: r.lastPosition }));
    const exceptionRow = this.admissionsLoaded.has(learnerId)
      ? (this.exceptionRows.get(`${learnerId}\u0000${institutionId}`) ?? null)
      : await this.manager.findOneBy(LearnerExceptionsRow, { learnerId, institutionId });
    const learnerExceptions = exceptionRow ? (JSON.parse(exceptionRow.state) as LearnerExceptionsState).exceptions.filter((x) => x.programId === programId) : [];
    const rows = [learner, program.row, ...policies.rows, ...(exceptionRow ? [exceptionRow] : [])];
    const positions = [...rows.map((r) => r.lastPosition), ...admissions.map((a) => a.position), ...requestRows.map((r) => r.lastPosition)];
    const recorded = [...rows.map((r) => r.lastRecordedAt), ...admissions.map((a) => a.recordedAt), ...requestRows.map((r) => r.lastEventAt)];
    return {
      ok: true,
      loaded: {
        learnerId,
        programId,
        institutionId,
        record,
        program: { version: program.version, program: program.program },
        policies: policies.published,
        admissions,
        requests,
        learnerExceptions,
        inputsPosition: Math.max(...positions),
        lastRecordedAt: recorded.reduce((a, b) => (b > a ? b : a)),
      },
    };
  }

  private async learner(learnerId: string): Promise<LearnerRow | null> {
    if (!this.learners.has(learnerId)) this.learners.set(learnerId, await this.manager.findOneBy(LearnerRow, { learnerId }));
    return this.learners.get(learnerId) ?? null;
  }

  private async program(programId: string, version?: string): Promise<{ row: ProgramRow; version: string; program: Program } | null | 'no-version'> {
    const key = `${programId}\u0000${version ?? ''}`;
    if (!this.programs.has(key)) {
      const row = await this.manager.findOneBy(ProgramRow, { programId });
      if (!row) return null;
      const wanted = version ?? row.latestVersion;
      const { definitions } = JSON.parse(row.state) as ProgramState;
      if (!Object.hasOwn(definitions, wanted)) return 'no-version';
      const definition = definitions[wanted];
      const parsed = parseStoredProgram(definition);
      if (!parsed.ok) throw new Error(`stored program ${programId}@${wanted} no longer parses`);
      this.programs.set(key, { row, version: wanted, program: parsed.program });
    }
    return this.programs.get(key) ?? null;
  }

  async institutionPolicies(institutionId: string): Promise<{ rows: PolicyRow[]; published: PublishedPolicy[] }> {
    let entry = this.policies.get(institutionId);
    if (!entry) {
      const rows = await this.manager.find(PolicyRow, { where: { institutionId }, order: { policyId: 'ASC' } });
      const published = rows.map((r) => ({
        policyId: r.policyId,
        state: JSON.parse(r.state) as PolicyState,
        conversionTables: JSON.parse(r.conversionTables) as Record<string, ConversionTableRecord>,
      }));
      entry = { rows, published };
      this.policies.set(institutionId, entry);
    }
    return entry;
  }
}

/** The engine inputs for one reference date (admissions count from their decision date). */
export function eligibilityInputsOf(loaded: LoadedEligibility, referenceDate: string): EligibilityInputs {
  const { decided, exceptions } = decidedFor(loaded.requests, loaded.record);
  const { evidence, home } = evidenceFor(loaded.record, loaded.institutionId, new Set(decided.map((d) => d.refId)));
  return {
    decided,
    exceptions,
    learnerExceptions: loaded.learnerExceptions,
    homeItems: home,
    learnerId: loaded.learnerId,
    program: { programId: loaded.programId, version: loaded.program.version, institutionId: loaded.institutionId, program: loaded.program.program },
    policies: loaded.policies,
    evidence,
    credentialsHeld: heldCredentialsOf(loaded.record),
    admitted: loaded.admissions.some((a) => a.decidedOn <= referenceDate),
    referenceDate,
  };
}
