/** One audit record as its service keeps it (ADR 0027, 0028). */
export interface AuditRecordV1 {
  /** The service whose schema holds the record. */
  service: string;
  id: string;
  occurredAt: string;
  /** The user id the gateway signed (`anonymous`, `system:…`, `login:<username>` for failed sign-ins). */
  actorId: string;
  actorRole: string;
  /** The jurisdiction the actor was bound to: `prefecture:150200`, `enterprise:<USCC>`, `institution:<id>`, `expert:<id>`, `region`. */
  organisation: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  outcome: string;
  requestId: string;
  detail: Record<string, unknown>;
}

/** A record of the merged log with the person behind it, as the gateway shows it. */
export interface AuditLogEntryV1 extends AuditRecordV1 {
  /** The account's display name, when the actor is an account. */
  actorName: string | null;
  /** The application the record is about (the object itself, or named in its detail). */
  applicationId: string | null;
}

/** A page of the merged audit log; `nextCursor` asks for the next one (none: the last page). */
export interface AuditLogPageV1 {
  items: AuditLogEntryV1[];
  nextCursor: string | null;
  /** Months audit records are kept at least (nothing deletes them before). */
  retentionMonths: number;
}
