import { Logger } from '@nestjs/common';
import { MessageMeta, ServiceError, SqlExecutor, TransactionRunner } from '@firstset/messaging';
import { AuditRecorder } from './audit';
import { IdempotencyKeyRef, IdempotencyStore } from './idempotency';

export interface CommandSpec {
  /** Stable action name for the audit log, e.g. `application.submit`. */
  action: string;
  objectType: string;
  objectId?: string;
}

export interface CommandOutcome<R> {
  result: R;
  /** The object the command created or changed, when it was not known beforehand. */
  objectId?: string;
  detail?: Record<string, unknown>;
}

/** A concurrent request with the same idempotency key committed first: roll back, answer with its result. */
class DuplicateRequest extends Error {}

/**
 * Runs a command as one transaction: the state change, its outbox events and its audit record
 * commit together or not at all. A refused command rolls back and leaves a `rejected` audit
 * record of its own, so refusals are traceable too. With an Idempotency-Key, the first result is
 * kept in the same transaction and a retry gets it back without acting again.
 */
export class CommandRunner<Tx extends SqlExecutor> {
  private readonly logger = new Logger('CommandRunner');

  constructor(
    private readonly transaction: TransactionRunner<Tx>,
    private readonly audit: AuditRecorder,
    private readonly afterCommit: () => void = () => undefined,
    private readonly idempotency?: IdempotencyStore,
  ) {}

  async run<R>(meta: MessageMeta, spec: CommandSpec, work: (tx: Tx) => Promise<CommandOutcome<R>>): Promise<R> {
    const ref: IdempotencyKeyRef | undefined =
      this.idempotency && meta.idempotencyKey && meta.actor
        ? { actorId: meta.actor.userId, command: spec.action, key: meta.idempotencyKey }
        : undefined;
    try {
      const outcome = await this.transaction(async (tx) => {
        if (ref) {
          await this.idempotency!.lock(tx, ref);
          const first = await this.idempotency!.find(tx, ref);
          if (first !== undefined) return { result: first as R, replayed: true };
        }
        const out = await work(tx);
        // What a retry will get back: the result as it travels (JSON), stored with the effect.
        const result = JSON.parse(JSON.stringify(out.result ?? null)) as R;
        if (ref && !(await this.idempotency!.save(tx, ref, result))) throw new DuplicateRequest();
        await this.audit.record(tx, meta, {
          action: spec.action,
          objectType: spec.objectType,
          objectId: out.objectId ?? spec.objectId ?? null,
          outcome: 'succeeded',
          detail: out.detail,
        });
        return { result, replayed: false };
      });
      if (!outcome.replayed) this.afterCommit();
      return outcome.result;
    } catch (err) {
      if (err instanceof DuplicateRequest && ref) {
        return (await this.transaction((tx) => this.idempotency!.find(tx, ref))) as R;
      }
      const refusal = err instanceof ServiceError ? { code: err.code, status: err.status } : { code: 'INTERNAL' };
      await this.transaction((tx) =>
        this.audit.record(tx, meta, {
          action: spec.action,
          objectType: spec.objectType,
          objectId: spec.objectId ?? null,
          outcome: 'rejected',
          detail: refusal,
        }),
      ).catch((auditErr: Error) => this.logger.error(`audit of a rejected ${spec.action} failed: ${auditErr.message}`));
      throw err;
    }
  }
}
