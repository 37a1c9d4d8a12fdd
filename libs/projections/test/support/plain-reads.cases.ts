import { DataSource } from 'typeorm';
import { HistoryRow, ProgressRow } from '../../src/read-model/entities';
import { findByKeys, findColumnsWhere, findOneWhere } from '../../src/runtime/bulk-read';

const row = (learnerId: string, satisfied: boolean | null, position: number): ProgressRow => ({
  learnerId,
  programId: 'mit-scm',
  institutionId: 'mit',
  status: 'evaluated',
  programVersion: satisfied === null ? null : '2026',
  policyId: null,
  policyVersion: null,
  referenceDate: '2026-12-01',
  result: satisfied ? 'satisfied' : null,
  requirementsSatisfied: satisfied,
  residencyOutcome: null,
  inputsPosition: position,
  answer: JSON.stringify({ learnerId }),
});

/**
 * The plain-SQL readers give exactly the rows TypeORM's own `findOneBy` / `findBy` hydrate
 * (positions as numbers, booleans, nulls), and `findColumnsWhere` only the columns asked for.
 */
export function itReadsRowsAsTypeOrmDoes(open: () => Promise<DataSource>): void {
  let db: DataSource;
  beforeEach(async () => {
    db = await open();
    await db.getRepository(ProgressRow).insert([row('l1', true, 9_007_199_254_740), row('l2', false, 0), row('l3', null, -1)]);
    const history = (position: number, actor: string | null): HistoryRow => ({
      position,
      eventId: `e${position}`,
      stream: 'learner-l1',
      revision: position * 3,
      type: 'CompletionRecorded',
      occurredAt: '2026-11-30T10:00:00.000Z',
      recordedAt: '2026-11-30T10:00:01.000Z',
      actorInstitution: actor,
      actorRole: actor && 'issuer',
    });
    await db.getRepository(HistoryRow).insert([history(7, 'mitx'), history(8, null)]);
  });
  afterEach(async () => {
    if (db.isInitialized) await db.destroy();
  });

  it('findOneWhere: the row findOneBy gives, for every kind of value; null when none', async () => {
    for (const learnerId of ['l1', 'l2', 'l3']) {
      const where = { learnerId, programId: 'mit-scm' };
      expect(await findOneWhere(db.manager, ProgressRow, where)).toEqual({ ...(await db.getRepository(ProgressRow).findOneBy(where)) });
    }
    expect(await findOneWhere(db.manager, ProgressRow, { learnerId: 'nobody', programId: 'mit-scm' })).toBeNull();
    for (const position of [7, 8]) expect(await findOneWhere(db.manager, HistoryRow, { position })).toEqual({ ...(await db.getRepository(HistoryRow).findOneBy({ position })) });
    expect(await findOneWhere(db.manager, HistoryRow, { position: 8 })).toMatchObject({ revision: 24, actorInstitution: null });
  });

  it('findColumnsWhere: only the columns asked for, hydrated the same way', async () => {
    expect(await findColumnsWhere(db.manager, ProgressRow, { learnerId: 'l1', programId: 'mit-scm' }, ['institutionId', 'inputsPosition', 'requirementsSatisfied'])).toEqual({
      institutionId: 'mit',
      inputsPosition: 9_007_199_254_740,
      requirementsSatisfied: true,
    });
    expect(await findColumnsWhere(db.manager, ProgressRow, { learnerId: 'l9' }, ['institutionId'])).toBeNull();
  });

  it('findByKeys: the rows findBy gives', async () => {
    const found = await findByKeys(db.manager, ProgressRow, 'learnerId', ['l3', 'l1', 'nobody']);
    const expected = await db.getRepository(ProgressRow).find({ where: [{ learnerId: 'l1' }, { learnerId: 'l3' }] });
    const byLearner = (a: ProgressRow, b: ProgressRow) => a.learnerId.localeCompare(b.learnerId);
    expect(found.sort(byLearner)).toEqual(expected.map((r) => ({ ...r })).sort(byLearner));
  });
}
