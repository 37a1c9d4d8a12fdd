import { DataSource } from 'typeorm';
import { ReadModelOptions } from '../read-model/read-model.options';
import { switchReadModels, SwitchResult } from './switch-read-models';
import { PageJournal, switchSqliteByPages } from './switch-sqlite-pages';

/** How a rebuilt copy was switched in: its SQLite pages over the live file, or its rows into the live tables. */
export type SwitchMethod = 'pages' | 'rows';

export type RebuiltSwitchResult = SwitchResult & { by: SwitchMethod; pageSwitchRefused?: string; journal?: PageJournal };

/**
 * Switches a rebuilt copy in the cheapest way the live read models allow: on SQLite by copying
 * the copy's pages over the live file (switch-sqlite-pages.ts); where that is refused (the live
 * file holds anything else, or PostgreSQL) by copying rows (switchReadModels), saying why.
 * `pageSwitchRefused` from an earlier attempt skips the page switch (the answer would not change).
 */
export async function switchRebuiltIn(live: DataSource, liveOptions: ReadModelOptions, rebuilt: DataSource, rebuiltOptions: ReadModelOptions, pageSwitchRefused?: string): Promise<RebuiltSwitchResult> {
  let refused = pageSwitchRefused;
  if (liveOptions.kind === 'sqlite' && refused === undefined) {
    const byPages = await switchSqliteByPages(live, rebuilt);
    if (!('unsupported' in byPages)) return { ...byPages, by: 'pages' };
    refused = byPages.unsupported;
  }
  const byRows = await switchReadModels(live, liveOptions, rebuiltOptions);
  return refused === undefined ? { ...byRows, by: 'rows' } : { ...byRows, by: 'rows', pageSwitchRefused: refused };
}
