import { Logger } from '@nestjs/common';
import { MessageMeta, ServiceError, SqlExecutor, TransactionRunner } from '@firstset/messaging';
import { AuditRecorder } from './audit';

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

/**
 * Runs a command as one transaction: the state change, its outbox events and its audit record
 * commit together or not at all. A refused command rolls back and leaves a `rejected` audit
 * record of its own, so refusals are traceable too.
 */
export class CommandRunner<Tx extends SqlExecutor> {
  private readonly logger = new Logger('CommandRunner');

  constructor(
    private readonly transaction: TransactionRunner<Tx>,
    private readonly audit: AuditRecorder,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  async run<R>(meta: MessageMeta, spec: CommandSpec, work: (tx: Tx) => Promise<CommandOutcome<R>>): Promise<R> {
    try {
      const outcome = await this.transaction(async (tx) => {
        const out = await work(tx);
        await this.audit.record(tx, meta, {
          action: spec.action,
          objectType: spec.objectType,
          objectId: out.objectId ?? spec.objectId ?? null,
          outcome: 'succeeded',
          detail: out.detail,
        });
        return out;
      });
      this.afterCommit();
      return outcome.result;
    } catch (err) {
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
