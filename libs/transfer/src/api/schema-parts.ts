import { ID_PATTERN, VERSION_PATTERN } from '@app/kernel';

/** JSON-schema fragments shared by the transfer DTOs (and the query and audit DTOs). */
/** Ids: the one grammar of the API (kernel), the same as records'. */
export const ID = ID_PATTERN;
export const idSchema = { type: 'string', pattern: ID } as const;
export const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
export const VERSION = VERSION_PATTERN;
export const REASON_CODE = '^[A-Z][A-Z0-9_]{1,49}$';
export const EXACT = '^(0|[1-9][0-9]{0,5})(\\.[0-9]{1,4})?(/[1-9][0-9]{0,5})?$';
export const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
