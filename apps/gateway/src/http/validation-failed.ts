import { ArgumentMetadata, BadRequestException, HttpException, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';
import { describeConstraint, fieldErrorsOf, jsonValueErrors, textRuleErrors, type FieldError } from '@firstset/messaging';

/** A body or query the DTOs refused: its field errors, worded as the services word theirs. */
export class ValidationFailed extends BadRequestException {
  constructor(readonly errors: FieldError[]) {
    super('VALIDATION_FAILED');
  }
}

/**
 * Nest's ValidationPipe plus the edge's text rules (`textRuleErrors`, as `NatsRpcServer`'s pipe applies them
 * to NATS payloads): control characters nowhere, tabs and line breaks only in `@MultilineText()`
 * fields. Whatever the input makes the transformer or validator throw is the input's fault: 400.
 */
class EdgeValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    return [...errors, ...textRuleErrors(object)];
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Query strings and path values never passed the JSON edge: the same value rules here, before
    // class-transformer silently drops a `__proto__` or `constructor` key instead of refusing it.
    if (metadata.type !== 'body') {
      const errors = jsonValueErrors(value);
      if (errors.length) throw new ValidationFailed(errors);
    }
    try {
      return await super.transform(value, metadata);
    } catch (err) {
      if (err instanceof HttpException) throw err;
      throw new ValidationFailed([{ field: metadata.data ?? '', message: describeConstraint('unknownValue'), rule: 'unknownValue' }]);
    }
  }
}

/**
 * The gateway's validation of bodies and queries. The errors keep their target object (Nest drops
 * it by default) so that the wording can name the rule's numbers (at most 200 characters); only
 * the translated field errors leave the process.
 */
export function gatewayValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: true, value: false },
    exceptionFactory: (errors: ValidationError[]) => new ValidationFailed(fieldErrorsOf(errors)),
  });
}
