import { SqlExecutor } from '@firstset/messaging';
import { Application } from '../generated/prisma/client';

/**
 * The queries of drafting (issue 21 item 2): reading the enterprise's own application and saving
 * its draft, in plain SQL on the caller's executor. Columns come back under Prisma's names, so
 * the rest of intake sees the same `Application` either way.
 */

/** Every column, under Prisma's names, of `applications` aliased `a` (the alias keeps joins unambiguous). */
const COLUMNS = `a.id, a.application_no AS "applicationNo", a.batch_id AS "batchId", a.enterprise_uscc AS "enterpriseUscc",
  a.prefecture_id AS "prefectureId", a.product_kind AS "productKind", a.product_name AS "productName", a.series, a.model,
  a.rd_completed_on AS "rdCompletedOn", a.state, a.version, a.revision, a.draft, a.correction, a.rejection, a.submitted_at AS "submittedAt",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.policy_profile_id AS "policyProfileId", a.policy_profile_version AS "policyProfileVersion"`;

/** The applications by id, whoever owns them (the caller checks: another's is "not found"). */
export async function readApplications(tx: SqlExecutor, schema: string, ids: string[]): Promise<Application[]> {
  return tx.$queryRawUnsafe<Application[]>(
    `SELECT ${COLUMNS} FROM "${schema}".applications a WHERE a.id = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::uuid))`,
    JSON.stringify(ids),
  );
}

export interface DraftChange {
  id: string;
  /** The revision the change was based on, and the state it was read in (compare-and-set on both). */
  revision: number;
  state: string;
  columns: Partial<Record<'productKind' | 'productName' | 'series' | 'model' | 'rdCompletedOn', string>>;
  draft: object;
  correction?: object;
}

/** What a save answers (the draft itself is not read back: the caller sent it). */
export type SavedDraft = Pick<Application, 'id' | 'state' | 'revision' | 'updatedAt'>;

/**
 * Saves the drafts and the columns sent, each one revision on, in one statement: the new revisions.
 * A draft whose revision or state moved meanwhile is not among them (of two saves based on the
 * same revision, one wins). At most one change per application.
 */
export async function saveDrafts(tx: SqlExecutor, schema: string, changes: DraftChange[], now: Date): Promise<SavedDraft[]> {
  if (changes.length === 0) return [];
  return tx.$queryRawUnsafe<SavedDraft[]>(
    `UPDATE "${schema}".applications a
        SET product_kind = coalesce(c."productKind", a.product_kind), product_name = coalesce(c."productName", a.product_name),
            series = coalesce(c.series, a.series), model = coalesce(c.model, a.model), rd_completed_on = coalesce(c."rdCompletedOn", a.rd_completed_on),
            draft = c.draft, correction = coalesce(c.correction, a.correction), revision = a.revision + 1, updated_at = $2
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, revision int, state text, "productKind" text, "productName" text, series text,
            model text, "rdCompletedOn" text, draft jsonb, correction jsonb)
      WHERE a.id = c.id AND a.revision = c.revision AND a.state = c.state
      RETURNING a.id, a.state, a.revision, a.updated_at AS "updatedAt"`,
    JSON.stringify(changes.map(({ columns, ...c }) => ({ ...c, ...columns }))),
    now,
  );
}

/** A new draft and the first step of its timeline, in one statement; the new row. */
export async function insertDraft(tx: SqlExecutor, schema: string, app: Omit<Application, 'draft' | 'correction' | 'rejection' | 'submittedAt' | 'version' | 'revision'>, history: object): Promise<Application> {
  const s = `"${schema}"`;
  const [row] = await tx.$queryRawUnsafe<Application[]>(
    `WITH app AS (
       INSERT INTO ${s}.applications AS a (id, application_no, batch_id, enterprise_uscc, prefecture_id, product_kind, product_name, series, model,
              rd_completed_on, state, created_at, updated_at, policy_profile_id, policy_profile_version)
       SELECT id, "applicationNo", "batchId", "enterpriseUscc", "prefectureId", "productKind", "productName", series, model,
              "rdCompletedOn", state, "createdAt", "updatedAt", "policyProfileId", "policyProfileVersion"
         FROM jsonb_to_record($1::jsonb) AS r(id uuid, "applicationNo" text, "batchId" uuid, "enterpriseUscc" text, "prefectureId" text,
              "productKind" text, "productName" text, series text, model text, "rdCompletedOn" text, state text, "createdAt" timestamptz,
              "updatedAt" timestamptz, "policyProfileId" text, "policyProfileVersion" text)
       RETURNING ${COLUMNS}
     ), history AS (
       INSERT INTO ${s}.application_history (id, application_id, from_state, to_state, action, actor_role, actor_id, actor_name, actor_org, occurred_at)
       SELECT id, application_id, from_state, to_state, action, actor_role, actor_id, actor_name, actor_org, occurred_at
         FROM jsonb_to_record($2::jsonb) AS h(id uuid, application_id uuid, from_state text, to_state text, action text, actor_role text,
              actor_id text, actor_name text, actor_org text, occurred_at timestamptz)
        WHERE application_id IN (SELECT id FROM app)
     )
     SELECT * FROM app`,
    app,
    history,
  );
  return row;
}
