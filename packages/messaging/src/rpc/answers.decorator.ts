import { UseFilters, UsePipes } from '@nestjs/common';
import { MessagePattern, Payload, Transport } from '@nestjs/microservices';
import type { MessageContract } from '../contract';
import type { MessageMeta } from '../headers';
import { ContractValidationPipe } from './contract-validation.pipe';
import { Meta } from './message-context';
import { ProblemDetailsRpcFilter } from './problem-details.filter';
import type { SerializesTo } from './serializes-to';

/** What a handler of a command or query with reply type `R` must look like. */
export type AnswerMethod<T, R> = (payload: T, meta: MessageMeta) => Promise<SerializesTo<R>>;

const filter = new ProblemDetailsRpcFilter();

/**
 * Marks a controller method as the handler of a command or query contract: a `@MessagePattern` on
 * the NATS transport for the contract's subject, with the payload validated by the contract's DTO,
 * failures mapped by the one problem-details filter, and `(payload, meta)` as its parameters.
 * Typed: the compiler refuses a method whose result does not serialize to the contract's reply.
 *
 *   @Answers(SubmitApplication)
 *   submit(payload: SubmitApplicationV1, meta: MessageMeta) { return this.submitApplication.execute(payload, meta); }
 */
export function Answers<T, R>(contract: MessageContract<T, R>) {
  if (contract.kind === 'event') throw new Error(`${contract.subject} is an event; consume it with @Consumes`);
  return (target: object, key: string | symbol, descriptor: { value?: AnswerMethod<T, NoInfer<R>> }): void => {
    const d = descriptor as PropertyDescriptor;
    Payload()(target, key, 0);
    Meta()(target, key, 1);
    UsePipes(new ContractValidationPipe(contract))(target, key, d);
    UseFilters(filter)(target, key, d);
    MessagePattern(contract.subject, Transport.NATS)(target, key, d);
  };
}
