// Errors a use case reports to its caller. Services and domain code throw these, never transport
// errors: packages/api/src/errors.ts maps each kind to a tRPC code in one place, the CLI prints the
// message. Messages are for people, in Chinese.

export type DomainErrorKind =
  | 'invalid' // the input breaks a rule (400)
  | 'unauthenticated' // no valid session (401)
  | 'forbidden' // signed in, but this data or action is not theirs (403)
  | 'not-found' // the thing does not exist or is not visible to the caller (404)
  | 'conflict' // someone else changed it, or its state forbids this now (409)
  | 'too-large' // the input exceeds a size bound (413)
  | 'too-many' // rate limited (429)
  | 'timeout' // the work exceeded its time bound (408)
  | 'unavailable'; // a resource is busy (database locked), retry later (503)

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** Structured detail for the client (row errors of an import, the failing node of a scheme). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const invalidInput = (message: string, details?: unknown) => new DomainError('invalid', message, details);
export const notFound = (message: string) => new DomainError('not-found', message);
export const conflict = (message: string, details?: unknown) => new DomainError('conflict', message, details);
export const forbidden = (message = '当前角色无权执行此操作') => new DomainError('forbidden', message);
export const unauthenticated = (message = '请先登录') => new DomainError('unauthenticated', message);
export const tooLarge = (message: string) => new DomainError('too-large', message);
export const tooMany = (message: string) => new DomainError('too-many', message);
export const timedOut = (message: string) => new DomainError('timeout', message);
export const unavailable = (message: string) => new DomainError('unavailable', message);

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
