import { Column, Entity, PrimaryColumn } from 'typeorm';
import { positionColumn, textColumn, keyColumn } from '../columns';

/** An event a Kafka-fed projector has applied (at-least-once delivery: duplicates are dropped by id). */
@Entity('projection_inbox')
export class InboxEntry {
  @PrimaryColumn(keyColumn('event_id')) eventId!: string;
  @Column(positionColumn('position')) position!: number;
}
