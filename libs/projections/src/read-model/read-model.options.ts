/** Where the read models live: a SQLite file (embedded default) or a PostgreSQL schema (distributed). */
export type ReadModelOptions = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema: string };

export const describeReadModel = (o: ReadModelOptions): string => (o.kind === 'sqlite' ? `sqlite ${o.file}` : `postgres schema ${o.schema}`);
