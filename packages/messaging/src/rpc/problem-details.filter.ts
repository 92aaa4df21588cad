import { Catch, Logger, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { errorMessage, isServiceError, MessagingErrorCode, type ErrorBody } from '../errors';
import { line, systemRequestId } from '../log';
import type { CarriesMeta } from './message-context';

export const INTERNAL_ERROR: ErrorBody = Object.freeze({
  code: MessagingErrorCode.INTERNAL,
  status: 500,
  title: '服务器内部错误 / Internal error',
});

/**
 * The one place a command's or query's failure becomes the error body the gateway turns into
 * problem details: a `ServiceError` goes back as it is (its code, status, Chinese/English title,
 * field errors); anything else is logged with its stack and answered as a bare 500, so no
 * internals leak to the caller. Event handlers' errors pass through unchanged (the JetStream
 * server naks and retries them).
 */
@Catch()
export class ProblemDetailsRpcFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcServer');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    if (isServiceError(exception)) return throwError(() => exception.toBody());
    const ctx = host.switchToRpc().getContext<Partial<CarriesMeta> | undefined>();
    const requestId = typeof ctx?.getMeta === 'function' ? ctx.getMeta().requestId : systemRequestId();
    this.logger.error(
      line(requestId, 'handler failed', {
        error: errorMessage(exception),
        stack: exception instanceof Error ? exception.stack : undefined,
      }),
    );
    return throwError(() => ({ ...INTERNAL_ERROR }));
  }
}
