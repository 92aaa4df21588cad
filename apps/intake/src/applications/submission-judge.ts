import { randomUUID } from 'node:crypto';
import type { ScopeCatalogueViewV1, SignedPledgeV1, SubmitApplicationV1, SubmitCompleteApplicationV1 } from '@firstset/contracts';
import {
  ApplicationAction,
  ApplicationState,
  LocalDate,
  MaterialSlotId,
  parseLocalDate,
  PolicyProfile,
  PolicyProfileRegistry,
  toShanghaiDate,
  transition,
} from '@firstset/domain';
import { ActorContext, MessageMeta, ServiceError } from '@firstset/messaging';
import { BatchCall, domainRule, notFound } from '@firstset/service-kit';
import { banError } from '../bans/active-ban';
import { judgeCatalogueEntry, materialsCatalogueRef } from '../catalogues/catalogue-entry';
import { IntakeSettings } from '../config';
import { CreditStatus } from '../credit/credit-check.port';
import { creditRefusal } from '../credit/credit-gate';
import { Application } from '../generated/prisma/client';
import { IntakeErrors } from '../intake.errors';
import { applicationQuotaExceeded } from '../materials/authorize-upload';
import { checklistSlots, slotNotOnChecklist } from '../materials/material-slots';
import { profileOf } from '../policy/application-profile';
import { organisationFor } from './actor-organisation';
import { ApplicationSnapshot, DRAFT_KEYS, DraftFields, snapshotOf } from './application-snapshot';
import { windowError } from './batch-window';
import { priorsOf } from './check-application';
import { contentSha256 } from './content-hash';
import { storedIpList } from './ip-counterparties';
import { preSubmissionCheck } from './pre-submission-check';
import { ReviewFacts, reviewFacts, submittedPayload } from './submission-payload';
import { catalogueKey, EnterpriseFacts, FileFacts, SubmissionFacts, SubmissionRows } from './submission-store';
import { signPledge } from './truthfulness-pledge';

/** A call to submit: the form's final submit of a saved draft, or a whole application in one request. */
export type SubmissionCall =
  | (BatchCall & { kind: 'draft'; input: SubmitApplicationV1 })
  | (BatchCall & { kind: 'complete'; input: SubmitCompleteApplicationV1; id: string });

/** A submission accepted: the application as it now stands, the version kept and its hash. */
export interface AcceptedSubmission {
  app: Application;
  version: number;
  contentSha256: string;
  pledge: SignedPledgeV1;
  /** Files in the version (a complete submission's, newly recorded). */
  files: number;
}

const productKey = (batchId: string, uscc: string, series: string, model: string) => JSON.stringify([batchId, uscc, series, model]);

/** What submitting a call needs from the read: what to read, derived from the calls alone. */
export function factsWanted(calls: SubmissionCall[]) {
  const complete = calls.filter((c) => c.kind === 'complete');
  return {
    usccs: [...new Set(calls.map((c) => c.meta.actor!.enterpriseUscc).filter((u): u is string => !!u))],
    batchIds: [...new Set(complete.map((c) => c.input.batchId))],
    draftIds: [...new Set(calls.filter((c) => c.kind === 'draft').map((c) => c.input.applicationId))],
    materialIds: [...new Set(complete.flatMap((c) => c.input.materials.map((m) => m.materialId)))],
    products: complete.map((c) => ({ b: c.input.batchId, u: c.meta.actor!.enterpriseUscc ?? '', s: c.input.series, m: c.input.model })),
    newApplications: complete.length,
    priors: true,
  };
}

/**
 * Why this enterprise may not apply into this batch now, in the order the errors are given: not
 * registered, no such batch, the window (M7.1), a ban (M10.2); undefined when it may.
 */
export function refusalToApply(facts: Pick<SubmissionFacts, 'enterprises' | 'batches' | 'bans'>, batchId: string, uscc: string, now: Date): ServiceError | undefined {
  if (!facts.enterprises.some((e) => e.uscc === uscc)) return IntakeErrors.enterpriseNotRegistered();
  const batch = facts.batches.find((b) => b.id === batchId);
  if (!batch) return IntakeErrors.batchNotFound();
  return windowError(batch, now) ?? banError(facts.bans, uscc, toShanghaiDate(now));
}

/**
 * The rules of submitting, applied to each call of a batch against what the batch read (pure:
 * nothing here touches the database). Both ways of submitting pass through `judge`, so a rule
 * holds on both: the window (M7.1), the ban (M10.2), one application per product per batch, the
 * catalogue category (M4.2, M4.3), the pre-submission check (M5, M6, M7.4), credit (M5.1,
 * M7.4(2)) and the truthfulness pledge (M10.1). Accepted calls add their rows and their
 * `application.submitted` event; a refused one adds only its credit answer, which is kept.
 */
export class SubmissionJudge {
  readonly rows: SubmissionRows = { created: [], submitted: [], history: [], versions: [], files: [], credit: [] };
  readonly events: Array<{ payload: ReturnType<typeof submittedPayload>; meta: MessageMeta }> = [];

  private readonly today: LocalDate;
  private readonly enterprises: Map<string, EnterpriseFacts>;
  private readonly batches: Map<string, SubmissionFacts['batches'][number]>;
  private readonly drafts: Map<string, Application>;
  private readonly files: Map<string, FileFacts>;
  private readonly attached = new Map<string, FileFacts[]>();
  private readonly taken: Set<string>;
  private readonly serials: string[];

  constructor(
    private readonly facts: SubmissionFacts,
    private readonly catalogues: Map<string, ScopeCatalogueViewV1 | null>,
    private readonly credit: Map<string, CreditStatus>,
    private readonly now: Date,
    private readonly profiles: PolicyProfileRegistry,
    private readonly settings: IntakeSettings,
  ) {
    this.today = toShanghaiDate(now);
    this.enterprises = new Map(facts.enterprises.map((e) => [e.uscc, e]));
    this.batches = new Map(facts.batches.map((b) => [b.id, b]));
    this.drafts = new Map(facts.drafts.map((d) => [d.id, d]));
    this.files = new Map(facts.files.map((f) => [f.id, f]));
    for (const f of facts.files) if (this.drafts.has(f.applicationId)) this.attached.set(f.applicationId, [...(this.attached.get(f.applicationId) ?? []), f]);
    this.taken = new Set(facts.taken.map((t) => productKey(t.batchId, t.uscc, t.series, t.model)));
    this.serials = [...facts.serials];
  }

  /** The profiles whose new-materials catalogue the calls name (M4.3), to read before judging. */
  static catalogueRefs(calls: SubmissionCall[], facts: SubmissionFacts, profiles: PolicyProfileRegistry) {
    const batches = new Map(facts.batches.map((b) => [b.id, b]));
    const drafts = new Map(facts.drafts.map((d) => [d.id, d]));
    const refs = new Map<string, NonNullable<ReturnType<typeof materialsCatalogueRef>>>();
    for (const call of calls) {
      const app = call.kind === 'draft' ? drafts.get(call.input.applicationId) : undefined;
      const batch = call.kind === 'complete' ? batches.get(call.input.batchId) : app;
      if (!batch) continue;
      let profile: PolicyProfile;
      try {
        profile = profileOf(profiles, batch);
      } catch {
        continue; // refused with its own error in the call's turn
      }
      const ref = app ? materialsCatalogueRef(app.productKind, snapshotOf(app), profile) : call.kind === 'complete' ? materialsCatalogueRef(call.input.productKind, call.input, profile) : undefined;
      if (ref) refs.set(catalogueKey(ref), ref);
    }
    return [...refs.values()];
  }

  judge(call: SubmissionCall): AcceptedSubmission | ServiceError {
    try {
      return call.kind === 'draft' ? this.submitDraft(call) : this.submitComplete(call);
    } catch (err) {
      if (err instanceof ServiceError) return err;
      throw err;
    }
  }

  /** The form's final submit: the saved draft, with the files attached to it, as version 1 (or the current one). */
  private submitDraft(call: Extract<SubmissionCall, { kind: 'draft' }>): AcceptedSubmission {
    const actor = call.meta.actor!;
    const app = this.drafts.get(call.input.applicationId);
    if (!app || app.enterpriseUscc !== actor.enterpriseUscc) throw notFound('application');
    const enterprise = this.enterprises.get(app.enterpriseUscc);
    if (!enterprise) throw IntakeErrors.enterpriseNotRegistered();
    this.assertOpen(app.batchId, app.enterpriseUscc);
    // M10.1: the pledge of the batch's profile, in the version the enterprise was shown.
    const profile = profileOf(this.profiles, app);
    const pledge = signPledge(call.input.pledgeVersion, profile, this.now);
    if (app.state !== ApplicationState.DRAFT) {
      // Only a draft is submitted; the lifecycle names the refusal for any other state.
      domainRule(() => transition(app.state as ApplicationState, ApplicationAction.submit, 'enterprise', { facts: GUARDS_CHECKED }));
      throw IntakeErrors.concurrentChange();
    }
    const files = (this.attached.get(app.id) ?? []).sort(byFile);
    const snapshot: ApplicationSnapshot = { ...snapshotOf(app), materials: files.map(fileOfVersion) };
    const review = this.judgeForm(app.productKind, snapshot, enterprise, files, profile, pledge, app.id, app.id);
    this.rows.submitted.push({ id: app.id, revision: app.revision });
    return this.accept(call, { ...app, state: ApplicationState.SUBMITTED, submittedAt: this.now, updatedAt: this.now }, enterprise, snapshot, pledge, review, ['submit'], 0);
  }

  /** A whole application in one request: created and submitted at once, with files it references. */
  private submitComplete(call: Extract<SubmissionCall, { kind: 'complete' }>): AcceptedSubmission {
    const { input, id } = call;
    const uscc = call.meta.actor!.enterpriseUscc!;
    const enterprise = this.enterprises.get(uscc);
    if (!enterprise) throw IntakeErrors.enterpriseNotRegistered();
    const batch = this.assertOpen(input.batchId, uscc);
    const profile = profileOf(this.profiles, batch);
    const pledge = signPledge(input.pledgeVersion, profile, this.now);
    domainRule(() => parseLocalDate(input.rdCompletedOn, 'rdCompletedOn'));
    const key = productKey(batch.id, uscc, input.series, input.model);
    if (this.taken.has(key)) throw IntakeErrors.duplicateProduct();

    const draft = Object.fromEntries(DRAFT_KEYS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])) as DraftFields;
    // M5.3: the IP list's counterparties, as the autosave stores them.
    if (draft.ipList) draft.ipList = storedIpList(draft.ipList);
    const files = this.referencedFiles(input, uscc, profile);
    const { productKind, productName, series, model, rdCompletedOn } = input;
    const snapshot: ApplicationSnapshot = { productKind, productName, series, model, rdCompletedOn, ...draft, materials: files.map(fileOfVersion) };
    const review = this.judgeForm(productKind, snapshot, enterprise, files, profile, pledge, null, id);

    this.taken.add(key);
    const app: Application = {
      id,
      applicationNo: `${batch.year}-${enterprise.prefectureId}-${this.serials.shift()!.padStart(5, '0')}`,
      batchId: batch.id,
      enterpriseUscc: uscc,
      prefectureId: enterprise.prefectureId,
      productKind,
      productName,
      series,
      model,
      rdCompletedOn,
      state: ApplicationState.SUBMITTED,
      version: 1,
      revision: 0,
      draft: draft as Application['draft'],
      correction: null,
      rejection: null,
      submittedAt: this.now,
      createdAt: this.now,
      updatedAt: this.now,
      policyProfileId: profile.id,
      policyProfileVersion: profile.version,
    };
    this.rows.created.push(app);
    this.rows.files.push(...files.map((f) => ({ ...f, id: randomUUID(), application_id: id })));
    return this.accept(call, app, enterprise, snapshot, pledge, review, ['create', 'submit'], files.length);
  }

  /** The batch, open for submissions (M7.1), to an applicant under no ban (M10.2). */
  private assertOpen(batchId: string, uscc: string) {
    const refused = refusalToApply(this.facts, batchId, uscc, this.now);
    if (refused) throw refused;
    return this.batches.get(batchId)!;
  }

  /**
   * The form's own rules: the catalogue category (M4.2, M4.3), the pre-submission check (M5, M6,
   * M7.4) and credit (M5.1, M7.4(2)), whose answer is kept either way.
   */
  private judgeForm(
    kind: string,
    snapshot: ApplicationSnapshot,
    enterprise: EnterpriseFacts,
    files: Array<{ slotId: string }>,
    profile: PolicyProfile,
    pledge: SignedPledgeV1,
    creditApplicationId: string | null,
    applicationId: string,
  ): ReviewFacts {
    const ref = materialsCatalogueRef(kind, snapshot, profile);
    judgeCatalogueEntry(kind, snapshot, profile, ref && (this.catalogues.get(catalogueKey(ref)) ?? null));
    const check = preSubmissionCheck({
      snapshot,
      applicationDate: this.today,
      enterprise: { uscc: enterprise.uscc, addressDivisionCode: enterprise.addressDivisionCode },
      priors: priorsOf(this.facts, applicationId),
      attachedSlots: [...new Set(files.map((f) => f.slotId as MaterialSlotId))],
      profile,
    });
    if (!check.canSubmit) throw IntakeErrors.blockingProblems(check.problems.filter((p) => p.severity === 'blocking'));
    const status = this.credit.get(enterprise.uscc)!;
    const refused = creditRefusal(status);
    // A refused complete submission leaves no application for its answer to name.
    this.rows.credit.push(creditRow(status, enterprise.uscc, refused ? creditApplicationId : applicationId, this.now));
    if (refused) throw refused;
    return reviewFacts(snapshot, status, check, this.now, pledge);
  }

  /** The files the form names, each the enterprise's own, in a slot that applies, within the limits. */
  private referencedFiles(input: SubmitCompleteApplicationV1, uscc: string, profile: PolicyProfile) {
    const seen = new Set<string>();
    const slots = checklistSlots(input.productKind, input.declarations, profile); // once per application, not per file
    const files = [];
    let total = 0;
    for (const ref of input.materials) {
      const m = this.files.get(ref.materialId);
      // Another enterprise's file is answered as missing: its existence is not the applicant's to learn.
      if (!m || m.uscc !== uscc) throw notFound('material');
      if (!slots.has(ref.slotId)) throw slotNotOnChecklist(ref.slotId);
      if (!this.settings.materialTypes.includes(m.mediaType)) throw IntakeErrors.unsupportedFileType(m.mediaType);
      if (seen.has(`${ref.slotId}|${m.sha256}`)) continue; // the same content twice in a slot counts once
      seen.add(`${ref.slotId}|${m.sha256}`);
      total += m.size;
      if (total > this.settings.materialMaxApplicationBytes) throw applicationQuotaExceeded(this.settings.materialMaxApplicationBytes);
      const { id: _source, uscc: _owner, applicationId: _from, ...file } = m;
      files.push({ ...file, id: randomUUID(), slotId: ref.slotId });
    }
    return files.sort(byFile);
  }

  /** The rows and the event of an accepted submission: its timeline, the version kept, `application.submitted`. */
  private accept(
    call: SubmissionCall,
    app: Application,
    enterprise: EnterpriseFacts,
    snapshot: ApplicationSnapshot,
    pledge: SignedPledgeV1,
    review: ReviewFacts,
    steps: Array<'create' | 'submit'>,
    files: number,
  ): AcceptedSubmission {
    const actor = call.meta.actor!;
    const person = personOf(actor, enterprise);
    // The timeline reads by (time, id): a creation sorts before the submission of the same instant.
    const ids = steps.map(() => randomUUID()).sort();
    steps.forEach((step, i) =>
      this.rows.history.push({
        id: ids[i],
        application_id: app.id,
        from_state: step === 'create' ? null : ApplicationState.DRAFT,
        to_state: step === 'create' ? ApplicationState.DRAFT : ApplicationState.SUBMITTED,
        action: step === 'create' ? 'create' : ApplicationAction.submit,
        actor_role: actor.role,
        ...person,
      }),
    );
    this.rows.versions.push({ id: randomUUID(), application_id: app.id, version: app.version, snapshot, pledge });
    this.events.push({ payload: submittedPayload({ ...app, enterprise }, app.version, this.now, review), meta: call.meta });
    return { app, version: app.version, contentSha256: contentSha256(snapshot), pledge, files };
  }
}

/** Window, ban and materials are checked before the lifecycle is asked, each with its own error. */
const GUARDS_CHECKED = { applicationWindowOpen: true, applicantNotBanned: true, requiredMaterialsAttached: true };

const byFile = (a: { slotId: string; sha256: string }, b: { slotId: string; sha256: string }) => a.slotId.localeCompare(b.slotId) || a.sha256.localeCompare(b.sha256);
const fileOfVersion = (f: { id: string; slotId: string; fileName: string; sha256: string; size: number }) => ({ id: f.id, slotId: f.slotId, fileName: f.fileName, sha256: f.sha256, size: f.size });

/** The person on the timeline and the body they acted for (ADR 0031). */
function personOf(actor: ActorContext, enterprise: EnterpriseFacts) {
  return actor.role === 'enterprise'
    ? { actor_id: actor.userId, actor_name: actor.displayName ?? null, actor_org: organisationFor(actor, enterprise.name) }
    : { actor_id: null, actor_name: null, actor_org: null };
}

function creditRow(status: CreditStatus, uscc: string, applicationId: string | null, now: Date) {
  return {
    id: randomUUID(),
    uscc,
    application_id: applicationId,
    source: status.source,
    serious_dishonesty: status.seriousDishonesty,
    abnormal_operations: status.abnormalOperations,
    detail: status.detail,
    checked_at: now.toISOString(),
  };
}
