import { Column, Entity, PrimaryColumn } from 'typeorm';
import { positionColumn, textColumn, keyColumn } from '../columns';

/** How far a projector has applied the store's global order; written in the read-model transaction. */
@Entity('projection_checkpoints')
export class ProjectionCheckpoint {
  @PrimaryColumn(keyColumn('projection')) projection!: string;
  @Column(positionColumn('position')) position!: number;
}
