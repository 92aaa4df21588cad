import { Inject, Injectable } from '@nestjs/common';
import { ApplicationState, parseLocalDate, PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { CorrectionAnswerV1, DraftSavedV1, UpdateApplicationDraftV1 } from '@firstset/contracts';
import { MessageMeta, ServiceError } from '@firstset/messaging';
import { BatchCall, BatchOutcome, Clock, domainRule, MicroBatcher, notFound, requireActor, SERVICE_CONFIG, ServiceConfig } from '@firstset/service-kit';
import { IntakeErrors } from '../intake.errors';
import { profileOf } from '../policy/application-profile';
import { judgeCatalogueEntry, materialsCatalogueRef } from '../catalogues/catalogue-entry';
import { PgCommands } from '../pg-commands';
import { DRAFT_KEYS, DraftFields, draftOf } from './application-snapshot';
import { Application } from '../generated/prisma/client';
import { CorrectionRecord, correctionOf, mergeAnswers } from './correction-answers';
import { storedIpList } from './ip-counterparties';
import { DraftChange, readApplications, SavedDraft, saveDrafts } from './draft-store';
import { catalogueKey, readCatalogues } from './submission-store';

const COLUMNS = ['productKind', 'productName', 'series', 'model', 'rdCompletedOn'] as const;
const EDITABLE: string[] = [ApplicationState.DRAFT, ApplicationState.RETURNED_FOR_CORRECTION];
/** Another application of the enterprise already names this product in the batch (PostgreSQL's unique violation). */
const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === '23505';

/** A returned application may be corrected until its deadline (a China date, inclusive; M7.3). */
export function assertCorrectionOpen(correction: unknown, now: Date): void {
  const deadline = (correction as { deadline?: string } | null)?.deadline;
  if (deadline && toShanghaiDate(now) > deadline) throw IntakeErrors.correctionDeadlinePassed(deadline);
}

/** The return with the answers sent merged in; answers exist only while under correction (M7.3). */
function correctionUnderAnswer(state: string, stored: unknown, answers: CorrectionAnswerV1[]): CorrectionRecord {
  const correction = correctionOf(stored);
  if (state !== ApplicationState.RETURNED_FOR_CORRECTION || !correction) throw IntakeErrors.notUnderCorrection(state);
  return { ...correction, answers: mergeAnswers(correction, answers) };
}

/** An autosave's answer: the revision to send next (ADR 0033; the form keeps what was typed). */
const savedOf = (a: SavedDraft): DraftSavedV1 => ({ id: a.id, state: a.state, revision: a.revision, savedAt: a.updatedAt.toISOString() });

/** Calls gathered into one transaction (the pool has 10 connections; one batch at a time). */
const MAX_BATCH = 64;

interface DraftCall extends BatchCall {
  input: UpdateApplicationDraftV1;
}

/** The fields an autosave sends, merged into the saved draft; refused with the field's error when a value is not allowed. */
function mergedDraft(app: Application, input: UpdateApplicationDraftV1) {
  const columns: Record<string, string> = {};
  for (const key of COLUMNS) {
    const value = (input as unknown as Record<string, unknown>)[key];
    if (value === null) throw IntakeErrors.nullField(key);
    if (value !== undefined) columns[key] = value as string;
  }
  if (columns.rdCompletedOn) domainRule(() => parseLocalDate(columns.rdCompletedOn, 'rdCompletedOn'));
  const draft: DraftFields = { ...draftOf(app) };
  for (const key of DRAFT_KEYS) {
    const value = (input as unknown as Record<string, unknown>)[key];
    if (value === null) delete draft[key];
    else if (key === 'declarations' && value !== undefined) draft.declarations = { ...draft.declarations, ...(value as object) };
    else if (value !== undefined) (draft as Record<string, unknown>)[key] = value;
  }
  for (const d of [...(draft.declarations?.safetyAccidentDates ?? []), ...(draft.declarations?.environmentalAccidentDates ?? [])]) {
    domainRule(() => parseLocalDate(d, 'accidentDate'));
  }
  // M5.3: counterparties only on assigned or licensed rights, their codes checked (a missing one the check blocks).
  if (input.ipList) draft.ipList = storedIpList(input.ipList);
  if (draft.firstSale) domainRule(() => parseLocalDate(draft.firstSale!.date, 'firstSale.date'));
  return { columns, draft, kind: columns.productKind ?? app.productKind };
}

/**
 * Autosave of the draft (and of a returned application under correction): the fields sent replace
 * the saved ones (declarations merge one by one; null clears a form field). Optimistic
 * concurrency: the write names the revision it was based on, and a stale one changes nothing.
 * The form saves every few seconds while people type: autosaves that arrive together share one
 * transaction (MicroBatcher, CommandRunner.runMany), in plain SQL on intake's pool
 * (draft-store.ts): one read, one update, one audit statement and one commit for the batch,
 * each call with its own answer, refusal and audit record.
 */
@Injectable()
export class UpdateDraft {
  private readonly batcher = new MicroBatcher<DraftCall, DraftSavedV1>((calls) => this.saveBatch(calls), { maxItems: MAX_BATCH, maxInFlight: 1 });

  constructor(
    private readonly commands: PgCommands,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(input: UpdateApplicationDraftV1, meta: MessageMeta): Promise<DraftSavedV1> {
    requireActor(meta, ['enterprise']);
    try {
      return await this.batcher.add({ input, meta, spec: { action: 'application.update-draft', objectType: 'application', objectId: input.applicationId } });
    } catch (err) {
      // Another application of the enterprise already names this product in the batch.
      if (isUniqueViolation(err)) throw IntakeErrors.duplicateProduct();
      throw err;
    }
  }

  private async saveBatch(calls: DraftCall[]): Promise<Array<DraftSavedV1 | Error>> {
    const answers = await this.commands.runMany(calls, async (tx, acting): Promise<Array<BatchOutcome<DraftSavedV1>>> => {
      const mine = acting as DraftCall[];
      const schema = this.config.dbSchema;
      const now = this.clock.now();
      const apps = new Map((await readApplications(tx, schema, [...new Set(mine.map((c) => c.input.applicationId))])).map((a) => [a.id, a]));
      // M4.2, M4.3: the catalogues the merged drafts name, read once for the batch.
      const refs = mine.flatMap(({ input }) => {
        const app = apps.get(input.applicationId);
        try {
          const { draft, kind } = mergedDraft(app!, input);
          const ref = materialsCatalogueRef(kind, draft, profileOf(this.profiles, app!));
          return ref ? [ref] : [];
        } catch {
          return []; // refused with its own error in the call's turn
        }
      });
      const catalogues = await readCatalogues(tx, schema, [...new Map(refs.map((r) => [catalogueKey(r), r])).values()]);
      const changes: DraftChange[] = [];
      const judged = mine.map((call): ServiceError | DraftChange => {
        try {
          const change = this.changeOf(call, apps.get(call.input.applicationId), catalogues, now);
          // A second save of the same application in the batch was based on the revision the first consumes.
          if (changes.some((c) => c.id === change.id)) throw IntakeErrors.staleRevision(change.revision + 1);
          changes.push(change);
          return change;
        } catch (err) {
          if (err instanceof ServiceError) return err;
          throw err;
        }
      });
      const saved = new Map((await saveDrafts(tx, schema, changes, now)).map((a) => [a.id, a]));
      return judged.map((j, i) => {
        if (j instanceof ServiceError) return j;
        const updated = saved.get(j.id);
        // Compare-and-set: the revision or state moved since the read.
        if (!updated) return IntakeErrors.staleRevision(j.revision + 1);
        const fields = Object.keys(mine[i].input).filter((k) => k !== 'applicationId' && k !== 'expectedRevision');
        return { result: savedOf(updated), detail: { revision: updated.revision, fields } };
      });
    });
    return answers;
  }

  /** One autosave's change to its application, or its refusal (M4.2, M4.3, M5.3, M7.3). */
  private changeOf(call: DraftCall, app: Application | undefined, catalogues: Awaited<ReturnType<typeof readCatalogues>>, now: Date): DraftChange {
    const { input, meta } = call;
    if (!app || app.enterpriseUscc !== meta.actor!.enterpriseUscc) throw notFound('application');
    if (!EDITABLE.includes(app.state)) throw IntakeErrors.notEditable(app.state);
    if (app.revision !== input.expectedRevision) throw IntakeErrors.staleRevision(app.revision);
    if (app.state === ApplicationState.RETURNED_FOR_CORRECTION) assertCorrectionOpen(app.correction, now);
    const { columns, draft, kind } = mergedDraft(app, input);
    // M4.2, M4.3: the category is an entry of its catalogue (the batch profile's new-materials version).
    const profile = profileOf(this.profiles, app);
    const ref = materialsCatalogueRef(kind, draft, profile);
    judgeCatalogueEntry(kind, draft, profile, ref && (catalogues.get(catalogueKey(ref)) ?? null));
    const answers = input.correctionAnswers;
    const correction = answers === undefined ? undefined : correctionUnderAnswer(app.state, app.correction, answers);
    return { id: app.id, revision: input.expectedRevision, state: app.state, columns, draft, correction };
  }
}
