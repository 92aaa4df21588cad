import type { ScopeCatalogueViewV1 } from '@firstset/contracts';
import { CatalogueRef, EarlierRecognition } from '@firstset/domain';
import { SqlExecutor } from '@firstset/messaging';
import { BanRow } from '../bans/active-ban';
import { BatchRow } from '../batches/open-batch';
import { catalogueView, ImportedCatalogueRow } from '../catalogues/catalogue-store';
import { Application } from '../generated/prisma/client';
import { PRIOR_STATES, PriorRow } from './check-application';

/**
 * Every query of submitting (issue 21 item 6): the form's final submit and the one-request
 * submission read and write through these two functions, in plain SQL on whichever executor the
 * caller holds (ADR 0007, ADR 0032). One round trip reads what a whole batch of submissions needs;
 * one statement writes it.
 */

export interface EnterpriseFacts {
  uscc: string;
  name: string;
  registeredAddress: string;
  addressDivisionCode: string;
  prefectureId: string;
}

/** A stored file: one referenced by a complete submission, or one attached to a draft. */
export interface FileFacts {
  id: string;
  applicationId: string;
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
}

export interface SubmissionFacts {
  enterprises: EnterpriseFacts[];
  batches: BatchRow[];
  bans: BanRow[];
  /** The drafts being submitted (whoever owns them: the caller checks). */
  drafts: Application[];
  /** Files named by complete submissions, and every file attached to the drafts. */
  files: FileFacts[];
  /** M6.4’s candidates: the applicants’ own recognitions, and others’ whose model has the same digits. */
  priors: PriorRow[];
  /** Imported recognitions, narrowed as `priors` are. */
  earlier: EarlierRecognition[];
  /** Products already applied for in a batch (batch, enterprise, series, model). */
  taken: Array<{ batchId: string; uscc: string; series: string; model: string }>;
  /** One new serial number per new application. */
  serials: string[];
}

export interface FactsWanted {
  usccs: string[];
  batchIds: string[];
  draftIds: string[];
  materialIds: string[];
  products: Array<{ b: string; u: string; s: string; m: string }>;
  newApplications: number;
  /** Whether to read the recognitions M6.4 compares with (not needed to start a draft). */
  priors: boolean;
}

const json = (v: unknown) => JSON.stringify(v);

/**
 * A model's digits, full-width ones made ASCII: equal under the domain's `normalizeDesignation`
 * implies equal digits, so this narrows M6.4's candidates without deciding anything. The same
 * expression is indexed (migration 20261206090000_prior_model_digits): keep them identical.
 */
const MODEL_DIGITS = (column: string) => `regexp_replace(translate(${column}, '０１２３４５６７８９', '0123456789'), '[^0-9]', '', 'g')`;
/** JSON carries times as strings: back to Dates, as Prisma gives them. */
const dates = <T>(row: T, keys: string[]): T => {
  const r = row as Record<string, unknown>;
  for (const k of keys) if (r[k] != null) r[k] = new Date(r[k] as string);
  return row;
};

/**
 * Everything a batch of submissions needs, in one round trip. Lookups go by index
 * (`= ANY (ARRAY(…))`, LATERAL per key): a join with a JSON list is planned as a scan of the whole
 * table, which grows with every application of the rush.
 */
export async function readSubmissionFacts(tx: SqlExecutor, schema: string, wanted: FactsWanted): Promise<SubmissionFacts> {
  const s = `"${schema}"`;
  const [row] = await tx.$queryRawUnsafe<Array<Omit<SubmissionFacts, 'drafts'> & { drafts: Array<Record<string, unknown>> }>>(
    `WITH wanted_batches AS (
        SELECT jsonb_array_elements_text($2::jsonb)::uuid AS id
        UNION SELECT batch_id FROM ${s}.applications WHERE id = ANY (ARRAY(SELECT jsonb_array_elements_text($7::jsonb)::uuid))
      ),
      -- M6.4's candidates: the applicants' own recognitions, and others' whose model has the same digits.
      prior_usccs AS (
        SELECT jsonb_array_elements_text($1::jsonb) AS uscc
        UNION SELECT enterprise_uscc FROM ${s}.applications WHERE id = ANY (ARRAY(SELECT jsonb_array_elements_text($7::jsonb)::uuid))
      ),
      prior_digits AS (
        SELECT ${MODEL_DIGITS('p.m')} AS d FROM jsonb_to_recordset($6::jsonb) AS p(m text)
        UNION SELECT ${MODEL_DIGITS('model')} FROM ${s}.applications WHERE id = ANY (ARRAY(SELECT jsonb_array_elements_text($7::jsonb)::uuid))
      )
      SELECT
        (SELECT coalesce(jsonb_agg(jsonb_build_object('uscc', uscc, 'name', name, 'registeredAddress', registered_address,
                'addressDivisionCode', address_division_code, 'prefectureId', prefecture_id)), '[]')
           FROM ${s}.enterprises WHERE uscc = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))) AS enterprises,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'year', year, 'name', name, 'windowOpensAt', window_opens_at,
                'windowClosesAt', window_closes_at, 'prefectureDeadline', prefecture_deadline, 'policyProfileVersion', policy_profile_version,
                'policyProfileId', policy_profile_id)), '[]')
           FROM ${s}.batches WHERE id = ANY (ARRAY(SELECT id FROM wanted_batches))) AS batches,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('uscc', uscc, 'startsOn', starts_on, 'endsOn', ends_on, 'reason', reason, 'liftedOn', lifted_on, 'suspendedOn', suspended_on)), '[]')
           FROM ${s}.applicant_bans WHERE uscc = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))) AS bans,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'applicationNo', application_no, 'batchId', batch_id, 'enterpriseUscc', enterprise_uscc,
                'prefectureId', prefecture_id, 'productKind', product_kind, 'productName', product_name, 'series', series, 'model', model,
                'rdCompletedOn', rd_completed_on, 'state', state, 'version', version, 'revision', revision, 'draft', draft, 'correction', correction,
                'rejection', rejection, 'submittedAt', submitted_at, 'createdAt', created_at, 'updatedAt', updated_at,
                'policyProfileId', policy_profile_id, 'policyProfileVersion', policy_profile_version)), '[]')
           FROM ${s}.applications WHERE id = ANY (ARRAY(SELECT jsonb_array_elements_text($7::jsonb)::uuid))) AS drafts,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'applicationId', m.application_id, 'uscc', a.enterprise_uscc, 'slotId', m.slot_id,
                'fileName', m.file_name, 'mediaType', m.media_type, 'size', m.size, 'sha256', m.sha256, 'sm3', m.sm3, 'objectKey', m.object_key,
                'uploadedBy', m.uploaded_by, 'uploadedAt', m.uploaded_at)), '[]')
           FROM ${s}.materials m JOIN ${s}.applications a ON a.id = m.application_id
          WHERE (m.id = ANY (ARRAY(SELECT jsonb_array_elements_text($3::jsonb)::uuid))
                 OR m.application_id = ANY (ARRAY(SELECT jsonb_array_elements_text($7::jsonb)::uuid)))
            AND m.removed_at IS NULL) AS files,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'enterpriseUscc', enterprise_uscc, 'productKind', product_kind,
                'series', series, 'model', model, 'state', state)), '[]')
           FROM ${s}.applications WHERE $8::boolean AND state = ANY (ARRAY(SELECT jsonb_array_elements_text($4::jsonb)))
            AND (enterprise_uscc = ANY (ARRAY(SELECT uscc FROM prior_usccs)) OR ${MODEL_DIGITS('model')} = ANY (ARRAY(SELECT d FROM prior_digits)))) AS priors,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('uscc', uscc, 'enterpriseName', enterprise_name, 'productName', product_name,
                'productKind', product_kind, 'series', series, 'model', model, 'year', year, 'documentNo', document_no)), '[]')
           FROM ${s}.earlier_recognitions WHERE $8::boolean
            AND (uscc = ANY (ARRAY(SELECT uscc FROM prior_usccs)) OR ${MODEL_DIGITS('model')} = ANY (ARRAY(SELECT d FROM prior_digits)))) AS earlier,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('batchId', a.batch_id, 'uscc', a.enterprise_uscc, 'series', a.series, 'model', a.model)), '[]')
           FROM jsonb_to_recordset($6::jsonb) AS p(b uuid, u text, s text, m text)
           CROSS JOIN LATERAL (SELECT * FROM ${s}.applications x
                                WHERE x.batch_id = p.b AND x.enterprise_uscc = p.u AND x.series = p.s AND x.model = p.m) a) AS taken,
        (SELECT coalesce(jsonb_agg(nextval('${s}.application_no_seq')::text), '[]') FROM generate_series(1, $5::int)) AS serials`,
    json(wanted.usccs),
    json(wanted.batchIds),
    json(wanted.materialIds),
    json(PRIOR_STATES),
    wanted.newApplications,
    json(wanted.products),
    json(wanted.draftIds),
    wanted.priors,
  );
  return {
    ...row,
    batches: row.batches.map((b) => dates(b, ['windowOpensAt', 'windowClosesAt'])),
    drafts: row.drafts.map((d) => dates(d, ['submittedAt', 'createdAt', 'updatedAt']) as unknown as Application),
  };
}

/**
 * The new-materials catalogue versions named (M4.3), imported or shipped: one more round trip,
 * and only when a submission names one.
 */
export async function readCatalogues(tx: SqlExecutor, schema: string, refs: CatalogueRef[]): Promise<Map<string, ScopeCatalogueViewV1 | null>> {
  const found = new Map<string, ScopeCatalogueViewV1 | null>();
  if (refs.length === 0) return found;
  const rows = await tx.$queryRawUnsafe<ImportedCatalogueRow[]>(
    `SELECT c.id, c.version, c.kind, c.title_zh AS "titleZh", c.title_en AS "titleEn", c.source, c.entries, c.imported_at AS "importedAt"
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, version text)
       JOIN "${schema}".scope_catalogues c ON c.id = r.id AND c.version = r.version`,
    json(refs),
  );
  for (const ref of refs) found.set(catalogueKey(ref), catalogueView(ref, rows.find((r) => r.id === ref.id && r.version === ref.version) ?? null));
  return found;
}

export const catalogueKey = (ref: CatalogueRef) => JSON.stringify([ref.id, ref.version]);

/** What a batch of accepted submissions writes, row by row (column names as in the tables). */
export interface SubmissionRows {
  /** New applications (complete submissions), submitted at once. */
  created: object[];
  /** Drafts moving to SUBMITTED: id and the revision they were read at (compare-and-set). */
  submitted: Array<{ id: string; revision: number }>;
  history: object[];
  versions: object[];
  files: object[];
  credit: object[];
}

/**
 * The accepted submissions with their timeline, versions, files and credit answers: one statement.
 * Answers false when an application changed or was taken since it was read (a concurrent submit,
 * autosave or withdrawal, or the same product by another transaction): the caller runs each call
 * again on its own, where the read sees the change.
 */
export async function writeSubmissions(tx: SqlExecutor, schema: string, rows: SubmissionRows, now: Date, submittedState: string): Promise<boolean> {
  if (rows.created.length === 0 && rows.submitted.length === 0 && rows.credit.length === 0) return true;
  const s = `"${schema}"`;
  const [{ created, submitted }] = await tx.$queryRawUnsafe<Array<{ created: number; submitted: number }>>(
    `WITH app AS (
       INSERT INTO ${s}.applications (id, application_no, batch_id, enterprise_uscc, prefecture_id, product_kind, product_name,
              series, model, rd_completed_on, state, version, revision, draft, submitted_at, created_at, updated_at,
              policy_profile_id, policy_profile_version)
       SELECT id, "applicationNo", "batchId", "enterpriseUscc", "prefectureId", "productKind", "productName",
              series, model, "rdCompletedOn", $8, 1, 0, draft, $7::timestamptz, $7::timestamptz, $7::timestamptz,
              "policyProfileId", "policyProfileVersion"
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "applicationNo" text, "batchId" uuid, "enterpriseUscc" text,
              "prefectureId" text, "productKind" text, "productName" text, series text, model text, "rdCompletedOn" text, draft jsonb,
              "policyProfileId" text, "policyProfileVersion" text)
       ON CONFLICT DO NOTHING
       RETURNING id
     ), moved AS (
       UPDATE ${s}.applications a SET state = $8, submitted_at = $7::timestamptz, updated_at = $7::timestamptz
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, revision int)
        WHERE a.id = r.id AND a.revision = r.revision AND a.state = 'DRAFT'
       RETURNING a.id
     ), done AS (SELECT id FROM app UNION ALL SELECT id FROM moved),
     history AS (
       INSERT INTO ${s}.application_history (id, application_id, from_state, to_state, action, actor_role, actor_id, actor_name, actor_org, occurred_at)
       SELECT id, application_id, from_state, to_state, action, actor_role, actor_id, actor_name, actor_org, $7::timestamptz
         FROM jsonb_to_recordset($3::jsonb) AS h(id uuid, application_id uuid, from_state text, to_state text, action text, actor_role text,
              actor_id text, actor_name text, actor_org text)
        WHERE application_id IN (SELECT id FROM done)
     ), versions AS (
       INSERT INTO ${s}.application_versions (id, application_id, version, snapshot, changes, pledge, submitted_at)
       SELECT id, application_id, version, snapshot, '[]'::jsonb, pledge, $7::timestamptz
         FROM jsonb_to_recordset($4::jsonb) AS v(id uuid, application_id uuid, version int, snapshot jsonb, pledge jsonb)
        WHERE application_id IN (SELECT id FROM done)
     ), files AS (
       INSERT INTO ${s}.materials (id, application_id, slot_id, file_name, media_type, size, sha256, sm3, object_key, uploaded_by, uploaded_at)
       SELECT id, application_id, "slotId", "fileName", "mediaType", size, sha256, sm3, "objectKey", "uploadedBy", "uploadedAt"
         FROM jsonb_to_recordset($5::jsonb) AS f(id uuid, application_id uuid, "slotId" text, "fileName" text, "mediaType" text,
              size int, sha256 text, sm3 text, "objectKey" text, "uploadedBy" text, "uploadedAt" timestamptz)
        WHERE application_id IN (SELECT id FROM app)
     ), credit AS (
       INSERT INTO ${s}.credit_checks (id, uscc, application_id, source, serious_dishonesty, abnormal_operations, detail, checked_at)
       SELECT id, uscc, application_id, source, serious_dishonesty, abnormal_operations, detail, checked_at
         FROM jsonb_to_recordset($6::jsonb) AS c(id uuid, uscc text, application_id uuid, source text, serious_dishonesty boolean,
              abnormal_operations boolean, detail jsonb, checked_at timestamptz)
     )
     SELECT (SELECT count(*) FROM app)::int AS created, (SELECT count(*) FROM moved)::int AS submitted`,
    json(rows.created),
    json(rows.submitted),
    json(rows.history),
    json(rows.versions),
    json(rows.files),
    json(rows.credit),
    now.toISOString(),
    submittedState,
  );
  return created === rows.created.length && submitted === rows.submitted.length;
}
