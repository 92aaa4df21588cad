import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SearchAuditRecordsV1, type AuditRecordV1 } from '@firstset/contracts';
import { PgExecutor } from '@firstset/messaging/testing';
import { AUDIT_TABLE_SQL, AuditRecorder } from './audit';
import { compareAuditRecords, searchAuditRecords } from './audit-log';

// The audit log's query (ADR 0028) over the real table of two schemas, as two services keep them.
const root = join(__dirname, '..', '..', '..');
const pool = new Pool({ connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
const db = new PgExecutor(pool);
const run = `al_${randomBytes(4).toString('hex')}`;
const A = `${run}_a`;
const B = `${run}_b`;
const APP = '6f1c1d7e-0a4b-4c3e-9f59-3d2f7d9b0a11';
const prefecture = { userId: 'u-pref', role: 'prefecture_officer', displayName: '王科长', prefectureId: '150200' };
const enterprise = { userId: 'u-ent', role: 'enterprise', enterpriseUscc: '91150200MA0N4KXX4C' };
const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 11, 5, 2, minute, second));

async function schemaWithTable(schema: string): Promise<void> {
  await pool.query(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"; ${AUDIT_TABLE_SQL}
    ${readFileSync(join(root, 'packages', 'persistence', 'platform.sql'), 'utf8')} SET search_path TO public;`);
}

const search = (schema: string, service: string, q: Partial<SearchAuditRecordsV1>) => searchAuditRecords(db, schema, service, { limit: 100, ...q });

/** Both services' pages merged as the gateway does it. */
async function merged(q: Partial<SearchAuditRecordsV1>): Promise<AuditRecordV1[]> {
  const all = [...(await search(A, 'intake', q)), ...(await search(B, 'preliminary-review', q))];
  return all.sort(compareAuditRecords).slice(0, q.limit ?? 100);
}

beforeAll(async () => {
  await schemaWithTable(A);
  await schemaWithTable(B);
  let now = at(0);
  const a = new AuditRecorder(A, () => now);
  const b = new AuditRecorder(B, () => now);
  now = at(1);
  await a.record(db, { requestId: 'req-submit', actor: enterprise }, { action: 'application.submit', objectType: 'application', objectId: APP, outcome: 'succeeded' });
  now = at(2);
  await b.record(db, { requestId: 'req-return', actor: prefecture }, { action: 'review.return', objectType: 'review_case', objectId: 'case-1', outcome: 'succeeded', detail: { applicationId: APP, reason: '缺少检测报告' } });
  now = at(3);
  await a.record(db, { requestId: 'req-dl', actor: { userId: 'u-aud', role: 'auditor' } }, { action: 'material.download', objectType: 'material', objectId: 'm-1', outcome: 'succeeded', detail: { applicationId: APP } });
  // Three records at one instant in each schema: the cursor must cross such ties exactly.
  now = at(4);
  for (let i = 0; i < 3; i++) {
    await a.record(db, { requestId: `req-tie-a${i}`, actor: prefecture }, { action: 'material.list', objectType: 'application', objectId: 'other', outcome: 'rejected' });
    await b.record(db, { requestId: `req-tie-b${i}`, actor: prefecture }, { action: 'review.claim', objectType: 'review_case', objectId: 'case-2', outcome: 'succeeded' });
  }
});

afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${A}" CASCADE; DROP SCHEMA IF EXISTS "${B}" CASCADE`);
  await pool.end();
});

describe('searchAuditRecords (ADR 0028)', () => {
  it('finds a case\'s whole history across services by the application\'s id, records whose detail names it included', async () => {
    const rows = await merged({ objectId: APP });
    expect(rows.map((r) => [r.service, r.action])).toEqual([
      ['intake', 'material.download'],
      ['preliminary-review', 'review.return'],
      ['intake', 'application.submit'],
    ]);
    expect(rows[1]).toMatchObject({ actorId: 'u-pref', actorRole: 'prefecture_officer', organisation: 'prefecture:150200', requestId: 'req-return', outcome: 'succeeded', detail: { reason: '缺少检测报告' } });
  });

  it.each([
    [{ actorIds: ['u-pref'] }, 7],
    [{ actorIds: ['nobody'] }, 0],
    [{ role: 'enterprise' }, 1],
    [{ organisation: 'prefecture:150200' }, 7],
    [{ organisation: '150200' }, 7],
    [{ organisation: '91150200MA0N4KXX4C' }, 1],
    [{ action: 'review.return' }, 1],
    [{ action: 'review.' }, 4],
    [{ action: 'review' }, 0],
    [{ objectType: 'material' }, 1],
    [{ requestId: 'req-return' }, 1],
    [{ outcome: 'rejected' }, 3],
    [{ from: at(2).toISOString(), to: at(4).toISOString() }, 2],
    [{ from: at(4).toISOString() }, 6],
  ])('filters by %o', async (q, count) => {
    expect(await merged(q as Partial<SearchAuditRecordsV1>)).toHaveLength(count);
  });

  it('pages the merged log by cursor with nothing lost or repeated, across ties at one instant', async () => {
    const everything = await merged({});
    expect(everything).toHaveLength(9);
    const seen: AuditRecordV1[] = [];
    let after: SearchAuditRecordsV1['after'];
    for (let page = 0; page < 10; page++) {
      const rows = await merged({ limit: 2, after });
      if (rows.length === 0) break;
      seen.push(...rows);
      const last = rows[rows.length - 1];
      after = { occurredAt: last.occurredAt, service: last.service, id: last.id };
    }
    expect(seen.map((r) => r.id)).toEqual(everything.map((r) => r.id));
    // Newest first; at one instant intake's records after preliminary review's (service descending).
    expect(everything.slice(0, 6).map((r) => r.service)).toEqual(['preliminary-review', 'preliminary-review', 'preliminary-review', 'intake', 'intake', 'intake']);
  });

  it('treats hostile values as data: quotes, LIKE wildcards and JSON path syntax match nothing', async () => {
    for (const objectId of ["' OR 1=1 --", '%', '$.**', 'x") || true || ("']) {
      expect(await merged({ objectId })).toEqual([]);
    }
    expect(await merged({ action: 'review_return' })).toEqual([]);
    expect(await merged({ actorIds: ["u-pref' OR '1'='1"] })).toEqual([]);
  });

  it('refuses malformed filters in the contract (each a field error)', () => {
    const errors = (plain: object) =>
      validateSync(plainToInstance(SearchAuditRecordsV1, { limit: 10, ...plain }), { forbidUnknownValues: true }).map((e) => e.property);
    expect(errors({})).toEqual([]);
    expect(errors({ role: 'root' })).toEqual(['role']);
    expect(errors({ organisation: "x' OR 1=1" })).toEqual(['organisation']);
    expect(errors({ action: 'Review Return' })).toEqual(['action']);
    expect(errors({ objectId: 'a b' })).toEqual(['objectId']);
    expect(errors({ from: 'yesterday' })).toEqual(['from']);
    expect(errors({ outcome: 'maybe' })).toEqual(['outcome']);
    expect(errors({ limit: 0 })).toEqual(['limit']);
    expect(errors({ limit: 502 })).toEqual(['limit']);
    expect(errors({ after: { occurredAt: 'x', service: 'intake', id: APP } })).toEqual(['after']);
    expect(errors({ after: { occurredAt: at(1).toISOString(), service: 'mail', id: APP } })).toEqual(['after']);
  });
});
