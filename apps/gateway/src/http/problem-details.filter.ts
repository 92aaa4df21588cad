import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RemoteServiceError, ServiceError, type FieldError } from '@firstset/messaging';
import { EdgeJsonRefused } from './edge-json';
import { TooManyRequests } from './too-many-requests';
import { ValidationFailed } from './validation-failed';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: FieldError[];
  /** A 429: seconds until the limit lets the caller through again (also the Retry-After header). */
  retryAfterSeconds?: number;
}

const TYPE_BASE = 'https://firstset.example.gov.cn/problems/';

function fromHttpException(ex: HttpException): Omit<ProblemDetails, 'instance' | 'requestId' | 'type'> {
  const status = ex.getStatus();
  const body = ex.getResponse() as { message?: unknown; error?: string } | string;
  if (ex instanceof ValidationFailed) {
    return { status, code: 'VALIDATION_FAILED', title: '请求内容有误 / The request is invalid', errors: ex.errors };
  }
  if (ex instanceof TooManyRequests) {
    const s = ex.retryAfterSeconds;
    return { status, code: 'TOO_MANY_REQUESTS', title: '请求过于频繁 / Too many requests', detail: `请在 ${s} 秒后重试 / Try again in ${s} s`, retryAfterSeconds: s };
  }
  const codes: Record<number, [string, string]> = {
    400: ['BAD_REQUEST', '请求格式有误 / Malformed request'],
    404: ['ROUTE_NOT_FOUND', '接口不存在 / No such endpoint'],
    405: ['METHOD_NOT_ALLOWED', '不支持的请求方法 / Method not allowed'],
    413: ['PAYLOAD_TOO_LARGE', '请求内容过大 / Request body too large'],
    415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型 / Unsupported media type'],
    429: ['TOO_MANY_REQUESTS', '请求过于频繁 / Too many requests'],
  };
  const [code, title] = codes[status] ?? [`HTTP_${status}`, typeof body === 'string' ? body : (body.error ?? 'Error')];
  const detail = typeof body === 'object' && typeof body.message === 'string' ? body.message : undefined;
  return { status, code, title, detail };
}

const EDGE_TITLES: Record<string, string> = {
  MALFORMED_JSON: '请求体不是有效的 JSON / The body is not valid JSON',
  JSON_TOO_DEEP: '请求体嵌套过深 / The body nests too deep',
  JSON_TOO_LARGE: '请求内容过大 / Request body too large',
  VALIDATION_FAILED: '请求内容有误 / The request is invalid',
};

function edgeRefusal(ex: EdgeJsonRefused): Omit<ProblemDetails, 'instance' | 'requestId' | 'type'> {
  const { code, detail, errors } = ex.refusal;
  return { status: code === 'JSON_TOO_LARGE' ? 413 : 400, code, title: EDGE_TITLES[code], detail, errors };
}

/** body-parser's refusal of a body that is not JSON, as Nest passes it on. */
function isBodyParseError(exception: unknown): boolean {
  const e = exception as { type?: string; cause?: { type?: string } };
  return e?.type === 'entity.parse.failed' || e?.cause?.type === 'entity.parse.failed';
}

/** The 4xx status of an http-errors error (what body-parser throws), if it is one. */
function clientErrorStatus(exception: unknown): number | undefined {
  const e = exception as { status?: unknown; statusCode?: unknown; expose?: unknown };
  const status = typeof e?.status === 'number' ? e.status : e?.statusCode;
  return e?.expose === true && typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Every error leaves the gateway as RFC 9457 problem details (application/problem+json) with a
 * stable `code`, the request id, and field errors for invalid input. Internal errors are logged,
 * never described to the caller.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    let p: Omit<ProblemDetails, 'instance' | 'requestId' | 'type'>;
    if (exception instanceof RemoteServiceError || exception instanceof ServiceError) {
      const e = exception instanceof RemoteServiceError ? exception.error : exception.toBody();
      p = { status: e.status, code: e.code, title: e.title, detail: e.detail, errors: e.errors };
    } else if (exception instanceof EdgeJsonRefused) {
      p = edgeRefusal(exception);
    } else if (isBodyParseError(exception)) {
      p = { status: 400, code: 'MALFORMED_JSON', title: '请求体不是有效的 JSON / The body is not valid JSON' };
    } else if (exception instanceof HttpException) {
      p = fromHttpException(exception);
    } else if (clientErrorStatus(exception)) {
      // body-parser's other refusals (aborted, unsupported charset, too large): the request's fault.
      p = fromHttpException(new HttpException(String((exception as Error).message ?? ''), clientErrorStatus(exception)!));
    } else {
      this.logger.error(exception instanceof Error ? exception : String(exception));
      p = { status: 500, code: 'INTERNAL', title: '服务器内部错误 / Internal error' };
    }
    if (p.status >= 500) this.logger.warn(`${p.status} ${p.code} ${req.method} ${req.originalUrl}`);
    const body: ProblemDetails = {
      type: `${TYPE_BASE}${p.code.toLowerCase().replace(/_/g, '-')}`,
      ...p,
      instance: req.originalUrl,
      requestId: req.id ?? '',
    };
    if (body.detail === undefined) delete body.detail;
    if (body.errors === undefined) delete body.errors;
    if (body.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(body.retryAfterSeconds));
    res.status(p.status).type('application/problem+json').json(body);
  }
}
