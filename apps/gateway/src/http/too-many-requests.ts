import { HttpException, HttpStatus } from '@nestjs/common';

/** A rate limit was hit: the problem details and the Retry-After header say when to try again. */
export class TooManyRequests extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests', HttpStatus.TOO_MANY_REQUESTS);
  }
}
