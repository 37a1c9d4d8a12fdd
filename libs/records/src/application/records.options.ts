/** Configuration of the records module. */
export interface RecordsModuleOptions {
  /**
   * Secret key of the HMAC that turns an institution's external learner reference into the
   * stored hash. Keep it stable (the same reference then gives the same hash) and secret (student
   * numbers are guessable: without the key, the hash cannot be brute-forced). Default: the
   * RECORDS_EXTERNAL_REF_SALT environment variable, else a random per-process key (hashes are
   * then not comparable across restarts; a warning is logged).
   */
  externalRefSalt?: string;
}

export const RECORDS_OPTIONS = Symbol.for('credit-transfer.RecordsOptions');
