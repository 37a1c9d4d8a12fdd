import { Entity, Index, PrimaryColumn } from 'typeorm';
import { keyColumn, positionKeyColumn } from '../columns';

/** Whom an event concerns: a learner, a request or an institution (several rows per event). SQLite: WITHOUT ROWID (clustered on its key). */
@Entity('rm_history_subjects', { withoutRowid: true })
@Index('rm_history_subjects_position', ['position'])
export class HistorySubjectRow {
  /** learner | request | institution */
  @PrimaryColumn(keyColumn('subject_kind')) subjectKind!: string;
  @PrimaryColumn(keyColumn('subject_id')) subjectId!: string;
  @PrimaryColumn(positionKeyColumn('position')) position!: number;
}
