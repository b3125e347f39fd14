// The one place where a service's DomainError becomes a transport error. Procedures run behind
// `mapDomainErrors` (trpc.ts), so services throw DomainError and never import @trpc/server.
import { TRPCError } from '@trpc/server';
import { DomainError, type DomainErrorKind } from '@kaoping/domain/errors/domain-error';

const codeOf: Record<DomainErrorKind, TRPCError['code']> = {
  invalid: 'BAD_REQUEST',
  unauthenticated: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  'not-found': 'NOT_FOUND',
  conflict: 'CONFLICT',
  'too-large': 'PAYLOAD_TOO_LARGE',
  'too-many': 'TOO_MANY_REQUESTS',
  timeout: 'TIMEOUT',
  unavailable: 'SERVICE_UNAVAILABLE',
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: codeOf[error.kind], message: error.message, cause: error });
}

/** The DomainError behind a failed call, if that is what failed. */
export function domainErrorOf(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (error instanceof TRPCError && error.cause instanceof DomainError) return error.cause;
  return undefined;
}
