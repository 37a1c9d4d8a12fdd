import { RecordedEvent } from '@app/event-store';
import { latestProgramVersion, policyDecider, PolicyVersionPublished, programDecider, ProgramVersionPublished } from '@app/transfer';
import { ProjectionBatch } from '../runtime/projection-batch';

/** program-<id>: the program's state (the transfer context's evolve) and a catalog row per version. */
export async function projectProgramEvent(event: RecordedEvent, batch: ProjectionBatch): Promise<void> {
  if (event.type !== 'ProgramVersionPublished') return;
  const d = event.data as ProgramVersionPublished['data'];
  const { state } = await batch.programs.get(batch.manager, d.programId, { programId: d.programId });
  const next = programDecider.evolve(state, { type: 'ProgramVersionPublished', data: d });
  const institutionId = next.institutionId ?? d.institutionId;
  batch.programs.set(
    d.programId,
    { programId: d.programId, institutionId, latestVersion: latestProgramVersion(next) ?? d.version, state: '', lastPosition: event.position, lastRecordedAt: event.recordedAt },
    next,
  );
  batch.programVersions.set({
    programId: d.programId,
    version: d.version,
    institutionId,
    title: d.title,
    creditUnit: d.creditUnit,
    totalCredits: d.totalCredits,
    publishedOn: d.publishedOn,
    position: event.position,
  });
  batch.changedPrograms.add(d.programId);
}

/** policy-<id>: the policy's state and conversion tables, and a catalog row per version (a superseded one gets its end date). */
export async function projectPolicyEvent(event: RecordedEvent, batch: ProjectionBatch): Promise<void> {
  if (event.type !== 'PolicyVersionPublished') return;
  const d = event.data as PolicyVersionPublished['data'];
  const { row, state } = await batch.policies.get(batch.manager, d.policyId, { policyId: d.policyId });
  const next = policyDecider.evolve(state, { type: 'PolicyVersionPublished', data: d });
  const institutionId = next.institutionId ?? d.institutionId;
  const tables = { ...(row ? (JSON.parse(row.conversionTables) as Record<string, unknown>) : {}), [d.version]: d.conversionTable };
  batch.policies.set(
    d.policyId,
    { policyId: d.policyId, institutionId, state: '', conversionTables: JSON.stringify(tables), lastPosition: event.position, lastRecordedAt: event.recordedAt },
    next,
  );
  for (const v of next.versions) {
    const key = `${d.policyId}\u0000${v.version}`;
    const existing = batch.policyVersions.peek(key) ?? (await batch.policyVersions.get(batch.manager, key, { policyId: d.policyId, version: v.version }));
    if (existing && existing.effectiveTo === v.effectiveTo) continue;
    batch.policyVersions.set({
      policyId: d.policyId,
      version: v.version,
      institutionId,
      programId: v.programId,
      effectiveFrom: v.effectiveFrom,
      effectiveTo: v.effectiveTo,
      conversionTableId: v.conversionTableId,
      publishedOn: v.publishedOn,
      position: existing?.position ?? event.position,
    });
  }
  batch.changedInstitutions.add(institutionId);
}
