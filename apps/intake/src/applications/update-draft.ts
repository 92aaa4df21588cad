import { Inject, Injectable } from '@nestjs/common';
import { ApplicationState, parseLocalDate, PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { CorrectionAnswerV1, UpdateApplicationDraftV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, domainRule, notFound, requireActor, SERVICE_CONFIG, ServiceConfig } from '@firstset/service-kit';
import { IntakeErrors } from '../intake.errors';
import { profileOf } from '../policy/application-profile';
import { judgeCatalogueEntry, materialsCatalogueRef } from '../catalogues/catalogue-entry';
import { PgCommands } from '../pg-commands';
import { DRAFT_KEYS, DraftFields, draftOf } from './application-snapshot';
import { ApplicationView, toApplicationView } from './application-view';
import { CorrectionRecord, correctionOf, mergeAnswers } from './correction-answers';
import { storedIpList } from './ip-counterparties';
import { readOwnApplication, saveDraft } from './draft-store';
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

/**
 * Autosave of the draft (and of a returned application under correction): the fields sent replace
 * the saved ones (declarations merge one by one; null clears a form field). Optimistic
 * concurrency: the write names the revision it was based on, and a stale one changes nothing.
 * The form saves every few seconds while people type: plain SQL on intake's pool (draft-store.ts),
 * three statements besides the audit record.
 */
@Injectable()
export class UpdateDraft {
  constructor(
    private readonly commands: PgCommands,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(input: UpdateApplicationDraftV1, meta: MessageMeta): Promise<ApplicationView> {
    const actor = requireActor(meta, ['enterprise']);
    const spec = { action: 'application.update-draft', objectType: 'application', objectId: input.applicationId };
    try {
      return await this.commands.run(meta, spec, async (tx) => {
        const schema = this.config.dbSchema;
        const app = await readOwnApplication(tx, schema, input.applicationId, actor.enterpriseUscc!);
        if (!app) throw notFound('application');
        if (!EDITABLE.includes(app.state)) throw IntakeErrors.notEditable(app.state);
        if (app.revision !== input.expectedRevision) throw IntakeErrors.staleRevision(app.revision);
        if (app.state === ApplicationState.RETURNED_FOR_CORRECTION) assertCorrectionOpen(app.correction, this.clock.now());

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
        const kind = columns.productKind ?? app.productKind;
        // M4.2, M4.3: the category is an entry of its catalogue (the batch profile's new-materials version).
        const profile = profileOf(this.profiles, app);
        const ref = materialsCatalogueRef(kind, draft, profile);
        judgeCatalogueEntry(kind, draft, profile, ref && ((await readCatalogues(tx, schema, [ref])).get(catalogueKey(ref)) ?? null));

        const answers = input.correctionAnswers;
        const correction = answers === undefined ? undefined : correctionUnderAnswer(app.state, app.correction, answers);

        // Compare-and-set on the revision: of two saves based on the same revision, one wins.
        const updated = await saveDraft(tx, schema, { id: app.id, revision: input.expectedRevision, state: app.state, columns, draft, correction }, this.clock.now());
        if (!updated) throw IntakeErrors.staleRevision(app.revision + 1);
        return { result: toApplicationView(updated), detail: { revision: updated.revision, fields: Object.keys(input).filter((k) => k !== 'applicationId' && k !== 'expectedRevision') } };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw IntakeErrors.duplicateProduct();
      throw err;
    }
  }
}
