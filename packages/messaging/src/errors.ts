import type { FieldError } from './validation';

/** A refused command's or query's error body (Nest's `err`); maps one-to-one onto problem details at the gateway. */
export interface ErrorBody {
  code: string;
  status: number;
  title: string;
  detail?: string;
  errors?: FieldError[];
}

/** Codes the package itself produces. Services add their own (`APPLICANT_BANNED`). */
export const MessagingErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  INVALID_JSON: 'INVALID_JSON',
  INTERNAL: 'INTERNAL',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INVALID_REPLY: 'INVALID_REPLY',
} as const;

/** Thrown by handlers for business errors; its body goes back to the caller unchanged. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ? `${code}: ${title} (${detail})` : `${code}: ${title}`);
    this.name = 'ServiceError';
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, status: this.status, title: this.title };
    if (this.detail !== undefined) body.detail = this.detail;
    if (this.errors !== undefined) body.errors = this.errors;
    return body;
  }
}

/** What `RpcClient.request` throws when the remote side answered with an error or did not answer. */
export class RemoteServiceError extends Error {
  constructor(
    readonly error: ErrorBody,
    readonly subject: string,
  ) {
    super(
      `${subject}: ${error.code} ${error.status} ${error.title}${error.detail ? ` (${error.detail})` : ''}`,
    );
    this.name = 'RemoteServiceError';
  }

  get code(): string {
    return this.error.code;
  }

  get status(): number {
    return this.error.status;
  }
}

/** `instanceof`, or the same shape from another copy of this package (two installs in one app). */
export function isServiceError(err: unknown): err is ServiceError {
  if (err instanceof ServiceError) return true;
  if (!(err instanceof Error) || err.name !== 'ServiceError') return false;
  const e = err as Partial<ServiceError>;
  return (
    typeof e.code === 'string' &&
    typeof e.status === 'number' &&
    typeof e.title === 'string' &&
    typeof e.toBody === 'function'
  );
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
