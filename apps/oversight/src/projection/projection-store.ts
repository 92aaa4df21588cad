import { Inject, Injectable } from '@nestjs/common';
import type { ApplicationSummaryV1 } from '@firstset/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { chinaDate, Mark, MarkKind, resubmissionOf, timeline } from './timeline';

/** What an event may tell about an application besides its marks. */
export interface ApplicationFacts {
  applicationNo?: string;
  batchId?: string;
  prefectureId?: string;
  uscc?: string;
  recognitionId?: string;
}

export const factsOf = (s: ApplicationSummaryV1): ApplicationFacts => ({
  applicationNo: s.applicationNo,
  batchId: s.batchId,
  prefectureId: s.prefectureId,
  uscc: s.enterprise.uscc,
});

/** One event's news about one application: facts and dated marks. */
export interface ProjectionEntry {
  applicationId: string;
  facts: ApplicationFacts;
  marks: Array<{ kind: MarkKind; at: Date | string }>;
}

/**
 * The projection's one writer: every consumer records an application's facts and marks here, in
 * the inbox transaction, and the application's state and stage rows are recomputed from all its
 * marks. A redelivered mark is the same row (its key is application, kind and time). Set-based:
 * a batch of events (the deadline rush) costs three statements, as one event does.
 */
@Injectable()
export class ProjectionStore {
  private readonly s: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.s = `"${config.dbSchema}"`;
  }

  async record(tx: Tx, applicationId: string, facts: ApplicationFacts, marks: ProjectionEntry['marks']): Promise<void> {
    await this.recordMany(tx, [{ applicationId, facts, marks }]);
  }

  async recordMany(tx: Tx, entries: ProjectionEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // Facts in the events' order: a later event's fact replaces an earlier one's.
    const facts = new Map<string, ApplicationFacts>();
    for (const e of entries) {
      const known = Object.fromEntries(Object.entries(e.facts).filter(([, v]) => v !== undefined && v !== ''));
      facts.set(e.applicationId, { ...facts.get(e.applicationId), ...known });
    }
    const marks = entries.flatMap((e) => e.marks.map((m) => ({ application_id: e.applicationId, kind: m.kind, at: new Date(m.at).toISOString() })));
    await tx.$executeRawUnsafe(
      `WITH facts AS (
         INSERT INTO ${this.s}.applications AS a (id, application_no, batch_id, prefecture_id, uscc, recognition_id, state, updated_at)
         SELECT id, "applicationNo", "batchId", "prefectureId", uscc, "recognitionId", 'DRAFT', now()
           FROM jsonb_to_recordset($1::jsonb) AS f(id uuid, "applicationNo" text, "batchId" uuid, "prefectureId" text, uscc text, "recognitionId" uuid)
         ON CONFLICT (id) DO UPDATE SET application_no = coalesce(EXCLUDED.application_no, a.application_no),
                batch_id = coalesce(EXCLUDED.batch_id, a.batch_id), prefecture_id = coalesce(EXCLUDED.prefecture_id, a.prefecture_id),
                uscc = coalesce(EXCLUDED.uscc, a.uscc), recognition_id = coalesce(EXCLUDED.recognition_id, a.recognition_id), updated_at = now()
       )
       INSERT INTO ${this.s}.application_marks (application_id, kind, at)
       SELECT application_id, kind, at FROM jsonb_to_recordset($2::jsonb) AS m(application_id uuid, kind text, at timestamptz)
       ON CONFLICT DO NOTHING`,
      JSON.stringify([...facts].map(([id, f]) => ({ id, ...f }))),
      JSON.stringify(marks),
    );
    await this.recompute(tx, [...facts.keys()]);
  }

  /** The state, stage rows and answered returns of these applications, from all their marks. */
  async recompute(tx: Tx, ids: string[]): Promise<void> {
    const [read] = await tx.$queryRawUnsafe<Array<{ apps: Array<{ id: string; batchId: string | null; prefectureId: string | null }>; marks: Array<{ id: string; kind: MarkKind; at: string }>; returns: Array<{ id: string; returnedAt: string; resubmittedAt: string | null }> }>>(
      `SELECT
         (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'batchId', batch_id, 'prefectureId', prefecture_id)), '[]')
            FROM ${this.s}.applications WHERE id = ANY ($1::uuid[])) AS apps,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('id', application_id, 'kind', kind, 'at', at)), '[]')
            FROM ${this.s}.application_marks WHERE application_id = ANY ($1::uuid[])) AS marks,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('id', application_id, 'returnedAt', returned_at, 'resubmittedAt', resubmitted_at)), '[]')
            FROM ${this.s}.correction_returns WHERE application_id = ANY ($1::uuid[])) AS returns`,
      ids,
    );
    const marksOf = new Map<string, Mark[]>();
    for (const m of read.marks) marksOf.set(m.id, [...(marksOf.get(m.id) ?? []), { kind: m.kind, at: new Date(m.at) }]);
    const states: object[] = [];
    const stages: object[] = [];
    const answered: object[] = [];
    for (const app of read.apps) {
      const marks = marksOf.get(app.id) ?? [];
      const t = timeline(marks);
      const submittedOn = t.submittedAt ? chinaDate(t.submittedAt) : null;
      states.push({
        id: app.id,
        state: t.state,
        submitted_at: t.submittedAt,
        submitted_on: submittedOn,
        preliminary_concluded_at: t.preliminaryConcludedAt,
        preliminary_outcome: t.preliminaryOutcome,
        return_count: t.returnCount,
      });
      for (const st of t.stages)
        stages.push({ application_id: app.id, stage: st.stage, batch_id: app.batchId, prefecture_id: app.prefectureId, submitted_on: submittedOn, visits: st.visits, seconds: st.seconds, entered_at: st.enteredAt, left_at: st.leftAt, open_since: st.openSince });
    }
    for (const r of read.returns) {
      const resubmittedAt = resubmissionOf(new Date(r.returnedAt), marksOf.get(r.id) ?? []);
      if ((resubmittedAt?.getTime() ?? null) !== (r.resubmittedAt ? new Date(r.resubmittedAt).getTime() : null))
        answered.push({ application_id: r.id, returned_at: r.returnedAt, resubmitted_at: resubmittedAt });
    }
    // The stage rows are replaced: those the marks still give are upserted, the others deleted (disjoint rows, one statement).
    await tx.$executeRawUnsafe(
      `WITH states AS (
         UPDATE ${this.s}.applications a SET state = r.state, submitted_at = r.submitted_at, submitted_on = r.submitted_on,
                preliminary_concluded_at = r.preliminary_concluded_at, preliminary_outcome = r.preliminary_outcome,
                return_count = r.return_count, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, state text, submitted_at timestamptz, submitted_on date,
                preliminary_concluded_at timestamptz, preliminary_outcome text, return_count int)
          WHERE a.id = r.id
       ), fresh AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb) AS n(application_id uuid, stage text, batch_id uuid, prefecture_id text, submitted_on date,
                visits int, seconds float8, entered_at timestamptz, left_at timestamptz, open_since timestamptz)
       ), gone AS (
         DELETE FROM ${this.s}.application_stages st
          WHERE st.application_id = ANY ($4::uuid[])
            AND NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.application_id = st.application_id AND fresh.stage = st.stage)
       ), stages AS (
         INSERT INTO ${this.s}.application_stages (application_id, stage, batch_id, prefecture_id, submitted_on, visits, seconds, entered_at, left_at, open_since)
         SELECT application_id, stage, batch_id, prefecture_id, submitted_on, visits, seconds, entered_at, left_at, open_since FROM fresh
         ON CONFLICT (application_id, stage) DO UPDATE SET batch_id = EXCLUDED.batch_id, prefecture_id = EXCLUDED.prefecture_id,
                submitted_on = EXCLUDED.submitted_on, visits = EXCLUDED.visits, seconds = EXCLUDED.seconds, entered_at = EXCLUDED.entered_at,
                left_at = EXCLUDED.left_at, open_since = EXCLUDED.open_since
       )
       UPDATE ${this.s}.correction_returns c SET resubmitted_at = r.resubmitted_at
         FROM jsonb_to_recordset($3::jsonb) AS r(application_id uuid, returned_at timestamptz, resubmitted_at timestamptz)
        WHERE c.application_id = r.application_id AND c.returned_at = r.returned_at`,
      JSON.stringify(states),
      JSON.stringify(stages),
      JSON.stringify(answered),
      ids,
    );
  }
}
