/**
 * The grammar of the ids the API takes in paths, queries and bodies (courses, programs, policies,
 * learners, requests, completions, credentials): a letter or digit, then up to 99 letters, digits,
 * ".", "_", ":" or "-". ONE grammar at every edge, so an id that one service accepts (e.g. a course
 * id such as "course-v1:MITx.SC1x" registered in records) is accepted wherever it is referenced
 * later (a program's requirement, a what-if completion, an audit query). Every such id also makes a
 * valid stream name (the event store's grammar is wider). Institution ids have their own, narrower
 * grammar (platform access).
 */
export const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$';

/**
 * The grammar of program and policy versions ("2026-2027", "2026.1"), which the API takes in
 * paths and bodies to name a version: a letter or digit, then up to 39 letters, digits, ".", "_" or "-".
 */
export const VERSION_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$';
