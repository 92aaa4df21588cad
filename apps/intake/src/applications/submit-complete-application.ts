import type { ScopeCatalogueViewV1, SubmissionReceiptV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ApplicationAction, ApplicationState, CatalogueRef, EarlierRecognition, earlierAsPrior, MaterialSlotId, parseLocalDate, PolicyProfile, PolicyProfileRegistry, STATE_LABELS, toShanghaiDate } from '@firstset/domain';
import { ApplicationSubmitted, SubmitCompleteApplicationV1 } from '@firstset/contracts';
import { MessageMeta, Outbox, OutboxRelay, PgExecutor, pgTransactionRunner, ServiceError } from '@firstset/messaging';
import {
  AuditRecorder,
  BatchCall,
  BatchOutcome,
  Clock,
  CommandRunner,
  domainRule,
  IdempotencyStore,
  MicroBatcher,
  notFound,
  PRISMA,
  requireActor,
  SERVICE_CONFIG,
  ServiceConfig,
} from '@firstset/service-kit';
import { INTAKE_SETTINGS, IntakeSettings } from '../config';
import { CreditCheckPort, CreditStatus } from '../credit/credit-check.port';
import { creditRefusal } from '../credit/credit-gate';
import { BanRow, banError } from '../bans/active-ban';
import { IntakeErrors } from '../intake.errors';
import { applicationQuotaExceeded } from '../materials/authorize-upload';
import { checklistSlots, slotNotOnChecklist } from '../materials/material-slots';
import { Db, poolOf } from '../prisma';
import { ApplicationSnapshot, DRAFT_KEYS, DraftFields } from './application-snapshot';
import { windowError } from './batch-window';
import { PRIOR_STATES, PriorRow, toPriorRecognition } from './check-application';
import { contentSha256 } from './content-hash';
import { preSubmissionCheck } from './pre-submission-check';
import { reviewFacts, submittedPayload } from './submission-payload';
import { signPledge } from './truthfulness-pledge';
import { profileOf } from '../policy/application-profile';
import { judgeCatalogueEntry, materialsCatalogueRef } from '../catalogues/catalogue-entry';
import { catalogueView, ImportedCatalogueRow } from '../catalogues/catalogue-store';
import { storedIpList } from './ip-counterparties';

/** Calls gathered into one transaction, and how many such transactions may run at once (the pool has 10). */
const MAX_BATCH = 64;
const MAX_IN_FLIGHT = 1;

export type SubmissionReceipt = SubmissionReceiptV1;

interface Call extends BatchCall {
  input: SubmitCompleteApplicationV1;
  id: string;
}

/** What one round trip reads for a whole batch. */
interface BatchReads {
  enterprises: Array<{ uscc: string; name: string; registeredAddress: string; addressDivisionCode: string; prefectureId: string }>;
  batches: Array<{ id: string; year: number; name: string; windowOpensAt: string; windowClosesAt: string; prefectureDeadline: string; policyProfileVersion: string; policyProfileId: string }>;
  bans: BanRow[];
  materials: Array<{
    id: string;
    uscc: string;
    slotId: string;
    fileName: string;
    mediaType: string;
    size: number;
    sha256: string;
    sm3: string | null;
    objectKey: string;
    uploadedBy: string;
    uploadedAt: string;
  }>;
  priors: PriorRow[];
  earlier: EarlierRecognition[];
  taken: Array<{ batchId: string; uscc: string; series: string; model: string }>;
  serials: string[];
}

const refKey = (ref: CatalogueRef) => JSON.stringify([ref.id, ref.version]);
const productKey = (batchId: string, uscc: string, series: string, model: string) => JSON.stringify([batchId, uscc, series, model]);

/**
 * The whole application in one request, submitted at once: the deadline-rush path (issue 4). It
 * applies every rule of the draft path — window (M7.1), ban (M10.2), one application per product
 * per batch, the catalogue category (M4.2, M4.3), the pre-submission check (M5, M6, M7.4), credit (M5.1, M7.4(2)), the truthfulness
 * pledge (M10.1) — and leaves the same traces: version 1, the timeline, audit, and `application.submitted` through the outbox.
 * Calls arriving together share a transaction (MicroBatcher, CommandRunner.runMany): one read of
 * everything the batch needs, one multi-table write, one commit; each call still gets its own
 * answer and its own refusal.
 */
@Injectable()
export class SubmitCompleteApplication {
  private readonly batcher = new MicroBatcher<Call, SubmissionReceipt>((calls) => this.submitBatch(calls), {
    maxItems: MAX_BATCH,
    maxInFlight: MAX_IN_FLIGHT,
  });

  /** Schema-qualified names: raw SQL does not get the adapter's schema. */
  private readonly s: string;

  /** Commands as everywhere (transaction, audit, idempotency, outbox nudge), on pg without Prisma: every statement here is SQL. */
  private readonly commands: CommandRunner<PgExecutor>;

  constructor(
    @Inject(PRISMA) db: Db,
    audit: AuditRecorder,
    relay: OutboxRelay,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    private readonly credit: CreditCheckPort,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly profiles: PolicyProfileRegistry,
  ) {
    this.s = `"${config.dbSchema}"`;
    this.commands = new CommandRunner(pgTransactionRunner(poolOf(db)), audit, () => relay.nudge(), new IdempotencyStore(config.dbSchema));
  }

  execute(input: SubmitCompleteApplicationV1, meta: MessageMeta): Promise<SubmissionReceipt> {
    requireActor(meta, ['enterprise']);
    const id = randomUUID();
    return this.batcher.add({ input, meta, id, spec: { action: 'application.submit-complete', objectType: 'application', objectId: id } });
  }

  /** The credit platform is asked once per batch, before the transaction: a slow answer holds no connection. */
  private async submitBatch(calls: Call[]): Promise<Array<SubmissionReceipt | Error>> {
    const credit = await this.credit.checkMany([...new Set(calls.map((c) => c.meta.actor!.enterpriseUscc!))]);
    return this.commands.runMany(calls, (tx, acting) => this.submitAll(tx, acting as Call[], credit));
  }

  private async submitAll(tx: PgExecutor, calls: Call[], credit: Map<string, CreditStatus>): Promise<Array<BatchOutcome<SubmissionReceipt>>> {
    const now = this.clock.now();
    const today = toShanghaiDate(now);
    const usccs = [...new Set(calls.map((c) => c.meta.actor!.enterpriseUscc!))];
    const reads = await this.read(tx, calls, usccs);
    const enterprises = new Map(reads.enterprises.map((e) => [e.uscc, e]));
    const batches = new Map(reads.batches.map((b) => [b.id, { ...b, windowOpensAt: new Date(b.windowOpensAt), windowClosesAt: new Date(b.windowClosesAt) }]));
    const materials = new Map(reads.materials.map((m) => [m.id, m]));
    const priors = [...reads.priors.map(toPriorRecognition), ...reads.earlier.map(earlierAsPrior)];
    const taken = new Set(reads.taken.map((t) => productKey(t.batchId, t.uscc, t.series, t.model)));
    const serials = [...reads.serials];
    const catalogues = await this.catalogues(tx, calls, batches);

    const rows = { applications: [] as object[], history: [] as object[], versions: [] as object[], materials: [] as object[], credit: [] as object[] };
    const events: Array<{ payload: ReturnType<typeof submittedPayload>; meta: MessageMeta }> = [];
    const outcomes = calls.map((call): BatchOutcome<SubmissionReceipt> => {
      const { input, meta, id } = call;
      const actor = meta.actor!;
      const uscc = actor.enterpriseUscc!;
      try {
        const enterprise = enterprises.get(uscc);
        if (!enterprise) throw IntakeErrors.enterpriseNotRegistered();
        const banned = banError(reads.bans, uscc, today);
        if (banned) throw banned;
        const batch = batches.get(input.batchId);
        if (!batch) throw IntakeErrors.batchNotFound();
        const closed = windowError(batch, now);
        if (closed) throw closed;
        const profile = profileOf(this.profiles, batch);
        // M10.1: the pledge of the batch's profile, in the version the enterprise was shown.
        const pledge = signPledge(input.pledgeVersion, profile, now);
        domainRule(() => parseLocalDate(input.rdCompletedOn, 'rdCompletedOn'));
        const key = productKey(batch.id, uscc, input.series, input.model);
        if (taken.has(key)) throw IntakeErrors.duplicateProduct();

        const draft = Object.fromEntries(DRAFT_KEYS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])) as DraftFields;
        // M5.3: the IP list's counterparties, as the autosave stores them.
        if (draft.ipList) draft.ipList = storedIpList(draft.ipList);
        // M4.2, M4.3: judged as the draft's autosave judges it.
        const catalogueRef = materialsCatalogueRef(input.productKind, draft, profile);
        judgeCatalogueEntry(input.productKind, draft, profile, catalogueRef && (catalogues.get(refKey(catalogueRef)) ?? null));
        const files = this.files(input, uscc, materials, profile);
        const snapshot: ApplicationSnapshot = {
          productKind: input.productKind,
          productName: input.productName,
          series: input.series,
          model: input.model,
          rdCompletedOn: input.rdCompletedOn,
          ...draft,
          materials: files.map((f) => ({ id: f.id, slotId: f.slotId, fileName: f.fileName, sha256: f.sha256, size: f.size })),
        };
        const check = preSubmissionCheck({
          snapshot,
          applicationDate: today,
          enterprise: { uscc, addressDivisionCode: enterprise.addressDivisionCode },
          priors,
          attachedSlots: [...new Set(files.map((f) => f.slotId as MaterialSlotId))],
          profile,
        });
        if (!check.canSubmit) throw IntakeErrors.blockingProblems(check.problems.filter((p) => p.severity === 'blocking'));
        const status = credit.get(uscc)!;
        const refused = creditRefusal(status);
        rows.credit.push(creditRow(status, uscc, refused ? null : id, now));
        if (refused) throw refused;

        taken.add(key);
        const applicationNo = `${batch.year}-${enterprise.prefectureId}-${serials.shift()!.padStart(5, '0')}`;
        const app = {
          id,
          applicationNo,
          batchId: batch.id,
          enterpriseUscc: uscc,
          prefectureId: enterprise.prefectureId,
          productKind: input.productKind,
          productName: input.productName,
          series: input.series,
          model: input.model,
          rdCompletedOn: input.rdCompletedOn,
          draft,
          policyProfileId: profile.id,
          policyProfileVersion: profile.version,
        };
        rows.applications.push(app);
        // The timeline reads by (time, id): the creation sorts before the submission of the same instant.
        const [createdId, submittedId] = [randomUUID(), randomUUID()].sort();
        rows.history.push(
          { id: createdId, application_id: id, from_state: null, to_state: ApplicationState.DRAFT, action: 'create', actor_role: actor.role },
          { id: submittedId, application_id: id, from_state: ApplicationState.DRAFT, to_state: ApplicationState.SUBMITTED, action: ApplicationAction.submit, actor_role: actor.role },
        );
        rows.versions.push({ id: randomUUID(), application_id: id, snapshot, pledge });
        rows.materials.push(...files.map((f) => ({ ...f, application_id: id })));
        events.push({ payload: submittedPayload({ ...app, enterprise, createdAt: now }, 1, now, reviewFacts(snapshot, status, check, now, pledge)), meta });
        return {
          result: {
            id,
            applicationNo,
            batchId: batch.id,
            productName: input.productName,
            series: input.series,
            model: input.model,
            state: ApplicationState.SUBMITTED,
            stateLabel: STATE_LABELS[ApplicationState.SUBMITTED],
            version: 1,
            submittedAt: now.toISOString(),
            contentSha256: contentSha256(snapshot),
            pledge,
          },
          objectId: id,
          detail: { applicationNo, materials: files.length },
        };
      } catch (err) {
        if (err instanceof ServiceError) return err;
        throw err;
      }
    });

    await this.write(tx, rows, now);
    await this.outbox.appendMany(tx, ApplicationSubmitted, events);
    return outcomes;
  }

  /**
   * The new-materials catalogue versions the batch's materials name their category from (M4.3),
   * imported or shipped: one more round trip, and only when a material names one.
   */
  private async catalogues(tx: PgExecutor, calls: Call[], batches: Map<string, { policyProfileId: string; policyProfileVersion: string }>) {
    const refs = new Map<string, CatalogueRef>();
    for (const { input } of calls) {
      const batch = batches.get(input.batchId);
      if (!batch) continue;
      let profile: PolicyProfile;
      try {
        profile = profileOf(this.profiles, batch);
      } catch {
        continue; // refused with its own error in the call's turn
      }
      const ref = materialsCatalogueRef(input.productKind, input, profile);
      if (ref) refs.set(refKey(ref), ref);
    }
    const found = new Map<string, ScopeCatalogueViewV1 | null>();
    if (refs.size === 0) return found;
    const rows = await tx.$queryRawUnsafe<ImportedCatalogueRow[]>(
      `SELECT c.id, c.version, c.kind, c.title_zh AS "titleZh", c.title_en AS "titleEn", c.source, c.entries, c.imported_at AS "importedAt"
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, version text)
         JOIN ${this.s}.scope_catalogues c ON c.id = r.id AND c.version = r.version`,
      JSON.stringify([...refs.values()]),
    );
    for (const [key, ref] of refs) found.set(key, catalogueView(ref, rows.find((r) => r.id === ref.id && r.version === ref.version) ?? null));
    return found;
  }

  /** The files the form names, each the enterprise's own, in a slot that applies, within the limits. */
  private files(input: SubmitCompleteApplicationV1, uscc: string, materials: Map<string, BatchReads['materials'][number]>, profile: PolicyProfile) {
    const seen = new Set<string>();
    const slots = checklistSlots(input.productKind, input.declarations, profile); // once per application, not per file
    const files = [];
    let total = 0;
    for (const ref of input.materials) {
      const m = materials.get(ref.materialId);
      // Another enterprise's file is answered as missing: its existence is not the applicant's to learn.
      if (!m || m.uscc !== uscc) throw notFound('material');
      if (!slots.has(ref.slotId)) throw slotNotOnChecklist(ref.slotId);
      if (!this.settings.materialTypes.includes(m.mediaType)) {
        throw IntakeErrors.unsupportedFileType(m.mediaType);
      }
      if (seen.has(`${ref.slotId}|${m.sha256}`)) continue; // the same content twice in a slot counts once
      seen.add(`${ref.slotId}|${m.sha256}`);
      total += m.size;
      if (total > this.settings.materialMaxApplicationBytes) throw applicationQuotaExceeded(this.settings.materialMaxApplicationBytes);
      const { id: _source, uscc: _owner, ...file } = m;
      files.push({ ...file, id: randomUUID(), slotId: ref.slotId });
    }
    return files.sort((a, b) => a.slotId.localeCompare(b.slotId) || a.sha256.localeCompare(b.sha256));
  }

  /**
   * Everything the batch needs in one round trip, with a serial number per call. Lookups go by
   * index (`= ANY (ARRAY(…))`, LATERAL per key): a join with a JSON list is planned as a scan of
   * the whole table, which grows with every application of the rush.
   */
  private async read(tx: PgExecutor, calls: Call[], usccs: string[]): Promise<BatchReads> {
    const s = this.s;
    const batchIds = [...new Set(calls.map((c) => c.input.batchId))];
    const materialIds = [...new Set(calls.flatMap((c) => c.input.materials.map((m) => m.materialId)))];
    const [row] = await tx.$queryRawUnsafe<BatchReads[]>(
      `SELECT
        (SELECT coalesce(jsonb_agg(jsonb_build_object('uscc', uscc, 'name', name, 'registeredAddress', registered_address,
                'addressDivisionCode', address_division_code, 'prefectureId', prefecture_id)), '[]')
           FROM ${s}.enterprises WHERE uscc = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))) AS enterprises,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'year', year, 'name', name, 'windowOpensAt', window_opens_at,
                'windowClosesAt', window_closes_at, 'prefectureDeadline', prefecture_deadline, 'policyProfileVersion', policy_profile_version,
                'policyProfileId', policy_profile_id)), '[]')
           FROM ${s}.batches WHERE id = ANY (ARRAY(SELECT jsonb_array_elements_text($2::jsonb)::uuid))) AS batches,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('uscc', uscc, 'startsOn', starts_on, 'endsOn', ends_on, 'reason', reason, 'liftedOn', lifted_on, 'suspendedOn', suspended_on)), '[]')
           FROM ${s}.applicant_bans WHERE uscc = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))) AS bans,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'uscc', a.enterprise_uscc, 'slotId', m.slot_id, 'fileName', m.file_name,
                'mediaType', m.media_type, 'size', m.size, 'sha256', m.sha256, 'sm3', m.sm3, 'objectKey', m.object_key,
                'uploadedBy', m.uploaded_by, 'uploadedAt', m.uploaded_at)), '[]')
           FROM ${s}.materials m JOIN ${s}.applications a ON a.id = m.application_id
          WHERE m.id = ANY (ARRAY(SELECT jsonb_array_elements_text($3::jsonb)::uuid)) AND m.removed_at IS NULL) AS materials,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'enterpriseUscc', enterprise_uscc, 'productKind', product_kind,
                'series', series, 'model', model, 'state', state)), '[]')
           FROM ${s}.applications WHERE state = ANY (ARRAY(SELECT jsonb_array_elements_text($4::jsonb)))) AS priors,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('uscc', uscc, 'enterpriseName', enterprise_name, 'productName', product_name,
                'series', series, 'model', model, 'year', year, 'documentNo', document_no)), '[]')
           FROM ${s}.earlier_recognitions) AS earlier,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('batchId', a.batch_id, 'uscc', a.enterprise_uscc, 'series', a.series, 'model', a.model)), '[]')
           FROM jsonb_to_recordset($6::jsonb) AS p(b uuid, u text, s text, m text)
           CROSS JOIN LATERAL (SELECT * FROM ${s}.applications x
                                WHERE x.batch_id = p.b AND x.enterprise_uscc = p.u AND x.series = p.s AND x.model = p.m) a) AS taken,
        (SELECT jsonb_agg(nextval('${s}.application_no_seq')::text) FROM generate_series(1, $5::int)) AS serials`,
      JSON.stringify(usccs),
      JSON.stringify(batchIds),
      JSON.stringify(materialIds),
      JSON.stringify(PRIOR_STATES),
      calls.length,
      JSON.stringify(calls.map((c) => ({ b: c.input.batchId, u: c.meta.actor!.enterpriseUscc, s: c.input.series, m: c.input.model }))),
    );
    return row;
  }

  /** The accepted applications with their timeline, version 1, files and credit answers: one statement. */
  private async write(tx: PgExecutor, rows: Record<'applications' | 'history' | 'versions' | 'materials' | 'credit', object[]>, now: Date): Promise<void> {
    if (rows.applications.length === 0 && rows.credit.length === 0) return;
    const s = this.s;
    const [{ apps }] = await tx.$queryRawUnsafe<Array<{ apps: number }>>(
      `WITH app AS (
         INSERT INTO ${s}.applications (id, application_no, batch_id, enterprise_uscc, prefecture_id, product_kind, product_name,
                series, model, rd_completed_on, state, version, revision, draft, submitted_at, created_at, updated_at,
                policy_profile_id, policy_profile_version)
         SELECT id, "applicationNo", "batchId", "enterpriseUscc", "prefectureId", "productKind", "productName",
                series, model, "rdCompletedOn", $7, 1, 0, draft, $6::timestamptz, $6::timestamptz, $6::timestamptz,
                "policyProfileId", "policyProfileVersion"
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "applicationNo" text, "batchId" uuid, "enterpriseUscc" text,
                "prefectureId" text, "productKind" text, "productName" text, series text, model text, "rdCompletedOn" text, draft jsonb,
                "policyProfileId" text, "policyProfileVersion" text)
         ON CONFLICT DO NOTHING
         RETURNING id
       ), history AS (
         INSERT INTO ${s}.application_history (id, application_id, from_state, to_state, action, actor_role, occurred_at)
         SELECT id, application_id, from_state, to_state, action, actor_role, $6::timestamptz
           FROM jsonb_to_recordset($2::jsonb) AS h(id uuid, application_id uuid, from_state text, to_state text, action text, actor_role text)
          WHERE application_id IN (SELECT id FROM app)
       ), versions AS (
         INSERT INTO ${s}.application_versions (id, application_id, version, snapshot, changes, pledge, submitted_at)
         SELECT id, application_id, 1, snapshot, '[]'::jsonb, pledge, $6::timestamptz
           FROM jsonb_to_recordset($3::jsonb) AS v(id uuid, application_id uuid, snapshot jsonb, pledge jsonb)
          WHERE application_id IN (SELECT id FROM app)
       ), files AS (
         INSERT INTO ${s}.materials (id, application_id, slot_id, file_name, media_type, size, sha256, sm3, object_key, uploaded_by, uploaded_at)
         SELECT id, application_id, "slotId", "fileName", "mediaType", size, sha256, sm3, "objectKey", "uploadedBy", "uploadedAt"
           FROM jsonb_to_recordset($4::jsonb) AS f(id uuid, application_id uuid, "slotId" text, "fileName" text, "mediaType" text,
                size int, sha256 text, sm3 text, "objectKey" text, "uploadedBy" text, "uploadedAt" timestamptz)
          WHERE application_id IN (SELECT id FROM app)
       ), credit AS (
         INSERT INTO ${s}.credit_checks (id, uscc, application_id, source, serious_dishonesty, abnormal_operations, detail, checked_at)
         SELECT id, uscc, application_id, source, serious_dishonesty, abnormal_operations, detail, checked_at
           FROM jsonb_to_recordset($5::jsonb) AS c(id uuid, uscc text, application_id uuid, source text, serious_dishonesty boolean,
                abnormal_operations boolean, detail jsonb, checked_at timestamptz)
       )
       SELECT count(*)::int AS apps FROM app`,
      JSON.stringify(rows.applications),
      JSON.stringify(rows.history),
      JSON.stringify(rows.versions),
      JSON.stringify(rows.materials),
      JSON.stringify(rows.credit),
      now.toISOString(),
      ApplicationState.SUBMITTED,
    );
    // A product taken by a transaction that committed after our read: the batch is re-run call by
    // call (CommandRunner.runMany), where the read sees it and refuses that one call.
    if (apps !== rows.applications.length) throw new Error('an application of the batch was taken concurrently');
  }
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
