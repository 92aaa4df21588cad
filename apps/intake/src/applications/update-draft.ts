import { Injectable } from '@nestjs/common';
import { ApplicationState, parseLocalDate, PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { CorrectionAnswerV1, UpdateApplicationDraftV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, notFound, requireActor } from '@firstset/service-kit';
import { IntakeErrors } from '../intake.errors';
import { profileOf } from '../policy/application-profile';
import { judgeCatalogueEntry, materialsCatalogueRef } from '../catalogues/catalogue-entry';
import { loadCatalogue } from '../catalogues/catalogue-store';
import { Prisma } from '../generated/prisma/client';
import { Tx } from '../prisma';
import { DRAFT_KEYS, DraftFields, draftOf } from './application-snapshot';
import { ApplicationView, toApplicationView } from './application-view';
import { CorrectionRecord, correctionOf, mergeAnswers } from './correction-answers';
import { storedIpList } from './ip-counterparties';

const COLUMNS = ['productKind', 'productName', 'series', 'model', 'rdCompletedOn'] as const;
const EDITABLE: string[] = [ApplicationState.DRAFT, ApplicationState.RETURNED_FOR_CORRECTION];
const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';

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
 */
@Injectable()
export class UpdateDraft {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  async execute(input: UpdateApplicationDraftV1, meta: MessageMeta): Promise<ApplicationView> {
    const actor = requireActor(meta, ['enterprise']);
    const spec = { action: 'application.update-draft', objectType: 'application', objectId: input.applicationId };
    try {
      return await this.commands.run(meta, spec, async (tx) => {
        const app = await tx.application.findFirst({ where: { id: input.applicationId, enterpriseUscc: actor.enterpriseUscc! } });
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
        judgeCatalogueEntry(kind, draft, profile, ref && (await loadCatalogue(tx, ref)));

        const answers = input.correctionAnswers;
        const correction = answers === undefined ? undefined : correctionUnderAnswer(app.state, app.correction, answers);

        // Compare-and-set on the revision: of two saves based on the same revision, one wins.
        const { count } = await tx.application.updateMany({
          where: { id: app.id, revision: input.expectedRevision, state: app.state },
          data: { ...columns, draft: draft as Prisma.InputJsonValue, revision: { increment: 1 }, ...(correction ? { correction: correction as unknown as Prisma.InputJsonValue } : {}) },
        });
        if (count !== 1) throw IntakeErrors.staleRevision(app.revision + 1);
        const updated = await tx.application.findUniqueOrThrow({ where: { id: app.id } });
        return { result: toApplicationView(updated), detail: { revision: updated.revision, fields: Object.keys(input).filter((k) => k !== 'applicationId' && k !== 'expectedRevision') } };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw IntakeErrors.duplicateProduct();
      throw err;
    }
  }
}
