import { Controller, DynamicModule, Inject, Module, Type } from '@nestjs/common';
import { auditRecordsContract, type AuditRecordV1, type SearchAuditRecordsV1 } from '@firstset/contracts';
import { Answers, MessageMeta, SqlExecutor } from '@firstset/messaging';
import { requireActor } from './actor';
import type { ServiceConfig } from './config';
import { PRISMA, SERVICE_CONFIG } from './tokens';

/** Who reads the audit log (ADR 0028): the Department and auditors, nobody else. */
export const AUDIT_READERS = ['department_officer', 'auditor'] as const;


/**
 * Merged order of the log: newest first, then by service, then by id, all descending. The
 * services order their own rows the same way (`ORDER BY occurred_at DESC, id DESC`; a uuid
 * orders as its lower-case hex text does).
 */
export function compareAuditRecords(a: Pick<AuditRecordV1, 'occurredAt' | 'service' | 'id'>, b: Pick<AuditRecordV1, 'occurredAt' | 'service' | 'id'>): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? 1 : -1;
  if (a.service !== b.service) return a.service < b.service ? 1 : -1;
  if (a.id !== b.id) return a.id < b.id ? 1 : -1;
  return 0;
}

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_id: string;
  actor_role: string;
  jurisdiction: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  outcome: string;
  request_id: string;
  detail: Record<string, unknown> | null;
}

/**
 * One service's audit records matching the filters, in the merged order, after the cursor, at
 * most `limit`. Every value is a bound parameter; the schema is the service's own, from config.
 * Read-only: nothing here (or anywhere) updates or deletes an audit record.
 */
export async function searchAuditRecords(db: SqlExecutor, schema: string, service: string, q: SearchAuditRecordsV1): Promise<AuditRecordV1[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  // Arrays travel as JSON text: both Prisma's and node-postgres' executors pass a string as is.
  if (q.actorIds) where.push(`actor_id IN (SELECT jsonb_array_elements_text(${param(JSON.stringify(q.actorIds))}::jsonb))`);
  if (q.role) where.push(`actor_role = ${param(q.role)}`);
  if (q.organisation) {
    const p = param(q.organisation);
    // A code with its kind (`prefecture:150200`) can only equal the whole jurisdiction (a field
    // between colons holds none): plain equality, which the (jurisdiction, time) index answers.
    where.push(q.organisation.includes(':') ? `jurisdiction = ${p}` : `(jurisdiction = ${p} OR split_part(jurisdiction, ':', 2) = ${p})`);
  }
  if (q.action) {
    const p = param(q.action);
    // A prefix ending in a dot is a family of actions; compared by left(), as LIKE would read `_` as a wildcard.
    where.push(q.action.endsWith('.') ? `left(action, length(${p}::text)) = ${p}` : `action = ${p}`);
  }
  if (q.objectType) where.push(`object_type = ${param(q.objectType)}`);
  if (q.objectId) {
    const p = param(q.objectId);
    // Any string value anywhere in the detail equal to the id: a material's download names its
    // application. As the `@?` operator (not jsonb_path_exists) so that the GIN over the detail
    // answers it; the id (letters, digits and `:._-` only) goes into the path as a JSON string.
    where.push(`(object_id = ${p} OR detail @? format('$.** ? (@ == %s)', to_json(${p}::text))::jsonpath)`);
  }
  if (q.from) where.push(`occurred_at >= ${param(q.from)}::timestamptz`);
  if (q.to) where.push(`occurred_at < ${param(q.to)}::timestamptz`);
  if (q.requestId) where.push(`request_id = ${param(q.requestId)}`);
  if (q.outcome) where.push(`outcome = ${param(q.outcome)}`);
  if (q.after) {
    // After (t, s, i) in the descending order of (time, service, id): this service's rows at the
    // same instant come after it when its name sorts below s, and never when above.
    const t = param(q.after.occurredAt);
    if (service < q.after.service) where.push(`occurred_at <= ${t}::timestamptz`);
    else if (service > q.after.service) where.push(`occurred_at < ${t}::timestamptz`);
    else where.push(`(occurred_at, id) < (${t}::timestamptz, ${param(q.after.id)}::uuid)`);
  }
  const rows = await db.$queryRawUnsafe<AuditRow[]>(
    `SELECT id::text AS id, occurred_at, actor_id, actor_role, jurisdiction, action, object_type, object_id, outcome, request_id, detail
       FROM "${schema}"."audit_records"
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY occurred_at DESC, id DESC
      LIMIT ${param(q.limit)}`,
    ...values,
  );
  return rows.map((r) => ({
    service,
    id: r.id,
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorId: r.actor_id,
    actorRole: r.actor_role,
    organisation: r.jurisdiction,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    outcome: r.outcome,
    requestId: r.request_id,
    detail: r.detail ?? {},
  }));
}

/**
 * The handler of `<service>.audit.records.v1`, one implementation for every service: the
 * service's own records, for the Department and auditors only (checked here, not only at the
 * gateway). Registered by `platformImports` (AuditLogModule), so no service carries a copy.
 */
export function auditRecordsController(service: string): Type<unknown> {
  const contract = auditRecordsContract(service);

  @Controller()
  class AuditRecordsController {
    constructor(
      @Inject(PRISMA) private readonly db: SqlExecutor,
      @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    ) {}

    @Answers(contract)
    async search(payload: SearchAuditRecordsV1, meta: MessageMeta): Promise<AuditRecordV1[]> {
      requireActor(meta, AUDIT_READERS);
      return searchAuditRecords(this.db, this.config.dbSchema, service, payload);
    }
  }
  return AuditRecordsController;
}

/** Registers the audit records query of a service (ADR 0028). */
@Module({})
export class AuditLogModule {
  static forService(service: string): DynamicModule {
    return { module: AuditLogModule, controllers: [auditRecordsController(service)] };
  }
}
