import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { MessageContract } from '../contract';
import { MessagingErrorCode, ServiceError, errorMessage } from '../errors';
import { validatePayload } from '../validation';

export const INVALID_REQUEST_TITLE = '请求内容有误 / The request is invalid';
export const NOT_JSON_TITLE = '请求内容无法解析 / The request body is not JSON';

/**
 * Validates a command's or query's payload against its contract's DTO (whitelist, unknown keys
 * refused, the edge's text rules), the same rules and wording as the gateway's HTTP pipe.
 */
export class ContractValidationPipe<T> implements PipeTransform<unknown, Promise<unknown>> {
  constructor(private readonly contract: MessageContract<T>) {}

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Pipes see every parameter; only the payload (Nest reports it as 'body'), not the meta, is the contract's DTO.
    if (metadata.type !== 'body') return value;
    let checked: Awaited<ReturnType<typeof validatePayload<T>>>;
    try {
      checked = await validatePayload(this.contract.schema, value, { edge: true });
    } catch (err) {
      // Whatever the payload makes the transformer or validator throw is the payload's fault.
      throw new ServiceError(MessagingErrorCode.INVALID_JSON, 400, NOT_JSON_TITLE, errorMessage(err));
    }
    if (!checked.ok) {
      throw new ServiceError(MessagingErrorCode.VALIDATION_FAILED, 400, INVALID_REQUEST_TITLE, undefined, checked.errors);
    }
    return checked.value;
  }
}
