import { Logger } from '@nestjs/common';
import { MessageMeta, ServiceError, SqlExecutor, TransactionRunner } from '@firstset/messaging';
import { AuditEntry, AuditRecorder } from './audit';
import { IdempotencyKeyRef, IdempotencyKeyReused, IdempotencyRecord, IdempotencyStore, refKey, replayOf } from './idempotency';

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

/** One command of a batch: who asked, and what the audit log calls it. */
export interface BatchCall {
  meta: MessageMeta;
  spec: CommandSpec;
}

/** What the work does with one command of a batch: its outcome, or its own refusal (nothing written for it). */
export type BatchOutcome<R> = CommandOutcome<R> | ServiceError;
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
    const ref = this.refOf(meta, spec);
    try {
      const outcome = await this.transaction((tx) => this.audit.holdUntilEnd(tx, async () => {
        if (ref) {
          await this.idempotency!.lock(tx, ref);
          const first = await this.idempotency!.find(tx, ref);
          if (first !== undefined) return { result: replayOf(ref, first) as R, replayed: true };
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
      }));
      if (!outcome.replayed) this.afterCommit();
      return outcome.result;
    } catch (err) {
      if (err instanceof DuplicateRequest && ref) {
        const first = await this.transaction((tx) => this.idempotency!.find(tx, ref));
        return replayOf(ref, first!) as R;
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

  /**
   * Runs several commands of one kind in one transaction (see MicroBatcher): `work` gets the
   * calls that must act and answers each with its outcome or its refusal, writing only for the
   * ones it accepts. Idempotency, audit (succeeded and rejected) and the outbox nudge are as for
   * `run`; a retried key (in an earlier transaction or earlier in this batch) gets the first
   * result. Should the transaction fail as a whole, each command is run again on its own, so one
   * bad command never fails the others. Returns each call's result or its error, in order.
   */
  async runMany<R>(calls: BatchCall[], work: (tx: Tx, calls: BatchCall[]) => Promise<Array<BatchOutcome<R>>>): Promise<Array<R | Error>> {
    const refs = calls.map((c) => this.refOf(c.meta, c.spec));
    // The first call with a key acts; later calls with the same key in this batch repeat its answer.
    const firstWithKey = new Map<string, number>();
    refs.forEach((r, i) => r && !firstWithKey.has(refKey(r)) && firstWithKey.set(refKey(r), i));
    const repeatOf = refs.map((r, i) => (r && firstWithKey.get(refKey(r)) !== i ? firstWithKey.get(refKey(r))! : undefined));
    let answers: Array<R | Error>;
    try {
      answers = await this.transaction((tx) => this.audit.holdUntilEnd(tx, async () => {
        const keyed = refs.filter((r): r is IdempotencyKeyRef => r !== undefined);
        await this.idempotency?.lockMany(tx, keyed);
        const stored = (await this.idempotency?.findMany(tx, keyed)) ?? new Map<string, IdempotencyRecord>();
        const out: Array<R | Error | undefined> = calls.map((_, i) => {
          const first = refs[i] && stored.get(refKey(refs[i]!));
          if (!first) return undefined;
          try {
            return replayOf(refs[i]!, first) as R;
          } catch (reused) {
            return reused as Error;
          }
        });
        const acting = calls.map((_, i) => i).filter((i) => out[i] === undefined && repeatOf[i] === undefined);
        const outcomes = acting.length ? await work(tx, acting.map((i) => calls[i])) : [];
        if (outcomes.length !== acting.length) throw new Error('runMany: work must answer every call');
        const saves: Array<{ ref: IdempotencyKeyRef; response: unknown }> = [];
        const audits: Array<{ meta: MessageMeta; entry: AuditEntry }> = [];
        acting.forEach((i, k) => {
          const o = outcomes[k];
          const { spec, meta } = calls[i];
          if (o instanceof ServiceError) {
            out[i] = o;
            audits.push({ meta, entry: { action: spec.action, objectType: spec.objectType, objectId: spec.objectId ?? null, outcome: 'rejected', detail: { code: o.code, status: o.status } } });
            return;
          }
          const result = JSON.parse(JSON.stringify(o.result ?? null)) as R;
          out[i] = result;
          if (refs[i]) saves.push({ ref: refs[i]!, response: result });
          audits.push({ meta, entry: { action: spec.action, objectType: spec.objectType, objectId: o.objectId ?? spec.objectId ?? null, outcome: 'succeeded', detail: o.detail } });
        });
        const saved = this.idempotency ? await this.idempotency.saveMany(tx, saves) : 0;
        if (saved !== saves.length) throw new DuplicateRequest();
        await this.audit.recordMany(tx, audits);
        return calls.map((_, i) => {
          const first = repeatOf[i];
          if (first === undefined) return out[i] as R | Error;
          // The same key twice in one batch: a repeat only with the same body.
          const sameBody = !refs[i]!.requestHash || !refs[first]!.requestHash || refs[i]!.requestHash === refs[first]!.requestHash;
          return (sameBody ? out[first] : new IdempotencyKeyReused(refs[i]!.key)) as R | Error;
        });
      }));
    } catch (err) {
      if (calls.length === 1) {
        try {
          return [await this.run(calls[0].meta, calls[0].spec, async (tx) => {
            const [o] = await work(tx, calls);
            if (o instanceof ServiceError) throw o;
            return o;
          })];
        } catch (single) {
          return [single as Error];
        }
      }
      this.logger.warn(`${calls[0].spec.action}: a batch of ${calls.length} failed (${(err as Error).message}); running each alone`);
      answers = [];
      for (const c of calls) answers.push((await this.runMany([c], work))[0]);
      return answers;
    }
    if (answers.some((a) => !(a instanceof Error))) this.afterCommit();
    return answers;
  }

  /** The idempotency key of a call, when the store is on and the caller sent one. */
  private refOf(meta: MessageMeta, spec: CommandSpec): IdempotencyKeyRef | undefined {
    return this.idempotency && meta.idempotencyKey && meta.actor
      ? { actorId: meta.actor.userId, command: spec.action, key: meta.idempotencyKey, requestHash: meta.requestHash }
      : undefined;
  }
}
