export interface StoreBenchSizes {
  /** single-event appends */
  single: number;
  /** batches of 100 events */
  batches: number;
}
