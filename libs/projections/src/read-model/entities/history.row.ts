import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { intColumn, positionKeyColumn, textColumn } from '../columns';

/**
 * The audit history index: one row per stored event (every stream), with who did it (actor
 * institution and role), when it happened (occurred-at) and when the system learned it
 * (recorded-at). The event itself stays in the store; this only finds it. SQLite: WITHOUT ROWID
 * (clustered on its key).
 */
@Entity('rm_history', { withoutRowid: true })
export class HistoryRow {
  @PrimaryColumn(positionKeyColumn('position')) position!: number;
  @Column(textColumn('event_id')) eventId!: string;
  @Column(textColumn('stream')) stream!: string;
  @Column(intColumn('revision')) revision!: number;
  @Column(textColumn('type')) type!: string;
  @Column(textColumn('occurred_at')) occurredAt!: string;
  @Index('rm_history_recorded') @Column(textColumn('recorded_at')) recordedAt!: string;
  @Column(textColumn('actor_institution', true)) actorInstitution!: string | null;
  @Column(textColumn('actor_role', true)) actorRole!: string | null;
}
