import { Column, Entity, PrimaryColumn } from 'typeorm';
import { positionColumn, textColumn, keyColumn } from '../columns';

/** The catalog: one row per published program version. */
@Entity('rm_program_versions')
export class ProgramVersionRow {
  @PrimaryColumn(keyColumn('program_id')) programId!: string;
  @PrimaryColumn(keyColumn('version')) version!: string;
  @Column(textColumn('institution_id')) institutionId!: string;
  @Column(textColumn('title', true)) title!: string | null;
  @Column(textColumn('credit_unit')) creditUnit!: string;
  @Column(textColumn('total_credits')) totalCredits!: string;
  @Column(textColumn('published_on')) publishedOn!: string;
  @Column(positionColumn('position')) position!: number;
}
