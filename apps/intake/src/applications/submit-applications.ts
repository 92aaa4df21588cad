import type { SubmissionReceiptV1, SubmitApplicationV1, SubmitCompleteApplicationV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ApplicationState, PolicyProfileRegistry, STATE_LABELS } from '@firstset/domain';
import { ApplicationSubmitted } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { BatchOutcome, Clock, MicroBatcher, requireActor, SERVICE_CONFIG, ServiceConfig } from '@firstset/service-kit';
import { INTAKE_SETTINGS, IntakeSettings } from '../config';
import { CreditCheckPort } from '../credit/credit-check.port';
import { IntakeErrors } from '../intake.errors';
import { PgCommands } from '../pg-commands';
import { ApplicationView, toApplicationView } from './application-view';
import { AcceptedSubmission, factsWanted, SubmissionCall, SubmissionJudge } from './submission-judge';
import { readCatalogues, readSubmissionFacts, writeSubmissions } from './submission-store';

/** Calls gathered into one transaction, and how many such transactions may run at once (the pool has 10). */
const MAX_BATCH = 64;
const MAX_IN_FLIGHT = 1;

export type SubmissionReceipt = SubmissionReceiptV1;
export type SubmittedApplication = ApplicationView & Pick<AcceptedSubmission, 'contentSha256' | 'pledge'>;
/** What a call is answered (and what a retry with its Idempotency-Key gets back, as JSON). */
type SubmissionReply = SubmittedApplication | SubmissionReceipt;

/** The form gets the application as it now stands; the one-request path a receipt. */
function replyOf(call: SubmissionCall, { app, contentSha256, pledge }: AcceptedSubmission): SubmissionReply {
  if (call.kind === 'draft') return { ...toApplicationView(app), contentSha256, pledge };
  return {
    id: app.id,
    applicationNo: app.applicationNo,
    batchId: app.batchId,
    productName: app.productName,
    series: app.series,
    model: app.model,
    state: ApplicationState.SUBMITTED,
    stateLabel: STATE_LABELS[ApplicationState.SUBMITTED],
    version: app.version,
    submittedAt: app.submittedAt!.toISOString(),
    contentSha256,
    pledge,
  };
}

/**
 * Submitting, one way (issue 21 item 6, ADR 0033): the form's final submit of a saved draft
 * (M7.2) and the whole application in one request (the deadline-rush path, ADR 0007) are calls of
 * one kind. Calls arriving together share a transaction (MicroBatcher, CommandRunner.runMany): one
 * read of everything the batch needs (submission-store.ts), the rules applied to each call
 * (submission-judge.ts), one write, one commit; each call still gets its own answer and its own
 * refusal, and leaves its own audit record. The hand-over to preliminary review is the
 * `application.submitted` event, committed with the state change.
 */
@Injectable()
export class SubmitApplications {
  private readonly batcher = new MicroBatcher<SubmissionCall, SubmissionReply>((calls) => this.submitBatch(calls), {
    maxItems: MAX_BATCH,
    maxInFlight: MAX_IN_FLIGHT,
  });

  private readonly schema: string;

  constructor(
    private readonly commands: PgCommands,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    private readonly credit: CreditCheckPort,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly profiles: PolicyProfileRegistry,
  ) {
    this.schema = config.dbSchema;
  }

  /** The form's final submit: the saved draft and its files become version 1 (M7.2, M10.1). */
  async submitDraft(input: SubmitApplicationV1, meta: MessageMeta): Promise<SubmittedApplication> {
    requireActor(meta, ['enterprise']);
    const spec = { action: 'application.submit', objectType: 'application', objectId: input.applicationId };
    return (await this.batcher.add({ kind: 'draft', input, meta, spec })) as SubmittedApplication;
  }

  /** The whole application in one request, answered with a receipt: number, time and the hash of version 1. */
  async submitComplete(input: SubmitCompleteApplicationV1, meta: MessageMeta): Promise<SubmissionReceipt> {
    requireActor(meta, ['enterprise']);
    const id = randomUUID();
    const spec = { action: 'application.submit-complete', objectType: 'application', objectId: id };
    return (await this.batcher.add({ kind: 'complete', input, meta, spec, id })) as SubmissionReceipt;
  }

  /** The credit platform is asked once per batch, before the transaction: a slow answer holds no connection. */
  private async submitBatch(calls: SubmissionCall[]): Promise<Array<SubmissionReply | Error>> {
    const credit = await this.credit.checkMany([...new Set(calls.map((c) => c.meta.actor!.enterpriseUscc).filter((u): u is string => !!u))]);
    return this.commands.runMany(calls, async (tx, acting): Promise<Array<BatchOutcome<SubmissionReply>>> => {
      const now = this.clock.now();
      const mine = acting as SubmissionCall[];
      const facts = await readSubmissionFacts(tx, this.schema, factsWanted(mine));
      const catalogues = await readCatalogues(tx, this.schema, SubmissionJudge.catalogueRefs(mine, facts, this.profiles));
      const judge = new SubmissionJudge(facts, catalogues, credit, now, this.profiles, this.settings);
      const outcomes = mine.map((call) => judge.judge(call));
      // A draft changed or a product taken since the read: each call runs again alone (runMany), and sees it.
      if (!(await writeSubmissions(tx, this.schema, judge.rows, now, ApplicationState.SUBMITTED))) throw IntakeErrors.concurrentChange();
      await this.outbox.appendMany(tx, ApplicationSubmitted, judge.events);
      return outcomes.map((o, i) =>
        o instanceof Error ? o : { result: replyOf(mine[i], o), objectId: o.app.id, detail: { applicationNo: o.app.applicationNo, materials: o.files } },
      );
    });
  }
}
