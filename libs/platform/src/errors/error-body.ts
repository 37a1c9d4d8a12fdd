import { HttpStatus } from '@nestjs/common';

/** One invalid field of a request: a JSON pointer into the body (or query/params) and what is wrong. */
export interface FieldError {
  location: 'body' | 'query' | 'param';
  path: string;
  message: string;
}

/** The JSON body of every error response. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Stable, machine-readable reason of a domain refusal ("admin-exists"...). */
  code?: string;
  /** Present on request validation failures: one entry per invalid field. */
  errors?: FieldError[];
}

/** "Bad Request" for 400, "Conflict" for 409...: the reason phrase of a status code. */
export function reasonPhrase(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  if (!name) return status >= 500 ? 'Internal Server Error' : 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

export function errorBody(statusCode: number, message: string, errors?: FieldError[], code?: string): ErrorBody {
  return { statusCode, error: reasonPhrase(statusCode), message, ...(code ? { code } : {}), ...(errors ? { errors } : {}) };
}
