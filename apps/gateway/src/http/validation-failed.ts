import { BadRequestException, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { fieldErrorsOf, type FieldError } from '@firstset/messaging';

/** A body or query the DTOs refused: its field errors, worded as the services word theirs. */
export class ValidationFailed extends BadRequestException {
  constructor(readonly errors: FieldError[]) {
    super('VALIDATION_FAILED');
  }
}

/**
 * The gateway's validation of bodies and queries. The errors keep their target object (Nest drops
 * it by default) so that the wording can name the rule's numbers (at most 200 characters); only
 * the translated field errors leave the process.
 */
export function gatewayValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: true, value: false },
    exceptionFactory: (errors: ValidationError[]) => new ValidationFailed(fieldErrorsOf(errors)),
  });
}
