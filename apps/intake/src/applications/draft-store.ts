import { SqlExecutor } from '@firstset/messaging';
import { Application } from '../generated/prisma/client';

/**
 * The queries of drafting (issue 21 item 2): reading the enterprise's own application and saving
 * its draft, in plain SQL on the caller's executor. Columns come back under Prisma's names, so
 * the rest of intake sees the same `Application` either way.
 */

const COLUMNS = `id, application_no AS "applicationNo", batch_id AS "batchId", enterprise_uscc AS "enterpriseUscc",
  prefecture_id AS "prefectureId", product_kind AS "productKind", product_name AS "productName", series, model,
  rd_completed_on AS "rdCompletedOn", state, version, revision, draft, correction, rejection, submitted_at AS "submittedAt",
  created_at AS "createdAt", updated_at AS "updatedAt", policy_profile_id AS "policyProfileId", policy_profile_version AS "policyProfileVersion"`;

/** The application, when it is this enterprise's; undefined otherwise (another's is "not found"). */
export async function readOwnApplication(tx: SqlExecutor, schema: string, id: string, uscc: string): Promise<Application | undefined> {
  const [row] = await tx.$queryRawUnsafe<Application[]>(`SELECT ${COLUMNS} FROM "${schema}".applications WHERE id = $1::uuid AND enterprise_uscc = $2`, id, uscc);
  return row;
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

/**
 * Saves the draft and the columns sent, one revision on: the new row, or undefined when the
 * revision or state moved meanwhile (of two saves based on the same revision, one wins).
 */
export async function saveDraft(tx: SqlExecutor, schema: string, change: DraftChange, now: Date): Promise<Application | undefined> {
  const c = change.columns;
  const [row] = await tx.$queryRawUnsafe<Application[]>(
    `UPDATE "${schema}".applications
        SET product_kind = coalesce($4, product_kind), product_name = coalesce($5, product_name), series = coalesce($6, series),
            model = coalesce($7, model), rd_completed_on = coalesce($8, rd_completed_on), draft = $9::jsonb,
            correction = coalesce($10::jsonb, correction), revision = revision + 1, updated_at = $11
      WHERE id = $1::uuid AND revision = $2 AND state = $3
      RETURNING ${COLUMNS}`,
    change.id,
    change.revision,
    change.state,
    c.productKind ?? null,
    c.productName ?? null,
    c.series ?? null,
    c.model ?? null,
    c.rdCompletedOn ?? null,
    change.draft,
    change.correction ?? null,
    now,
  );
  return row;
}

/** A new draft and the first step of its timeline, in one statement; the new row. */
export async function insertDraft(tx: SqlExecutor, schema: string, app: Omit<Application, 'draft' | 'correction' | 'rejection' | 'submittedAt' | 'version' | 'revision'>, history: object): Promise<Application> {
  const s = `"${schema}"`;
  const [row] = await tx.$queryRawUnsafe<Application[]>(
    `WITH app AS (
       INSERT INTO ${s}.applications (id, application_no, batch_id, enterprise_uscc, prefecture_id, product_kind, product_name, series, model,
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
