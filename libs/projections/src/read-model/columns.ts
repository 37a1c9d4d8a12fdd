import { ColumnOptions, PrimaryColumnOptions, ValueTransformer } from 'typeorm';

/** Positions are BIGINT in PostgreSQL (the driver returns strings); rows carry plain numbers. */
const toNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** Transformers of this file that write values unchanged (`to` is the identity): a bulk writer may skip them. */
export const writesValuesUnchanged = (transformer: ValueTransformer | ValueTransformer[] | undefined): boolean => transformer === undefined || transformer === toNumber;

export const positionColumn = (name: string, nullable = false): ColumnOptions => ({ name, type: 'bigint', nullable, transformer: toNumber });
export const textColumn = (name: string, nullable = false): ColumnOptions => ({ name, type: 'text', nullable });
export const intColumn = (name: string, nullable = false): ColumnOptions => ({ name, type: 'integer', nullable });
export const boolColumn = (name: string, nullable = false): ColumnOptions => ({ name, type: 'boolean', nullable });

/** A text primary-key column. */
export const keyColumn = (name: string): PrimaryColumnOptions => ({ name, type: 'text' });

/** A global-position primary-key column (BIGINT; plain numbers in rows). */
export const positionKeyColumn = (name: string): PrimaryColumnOptions => ({ name, type: 'bigint', transformer: toNumber });
