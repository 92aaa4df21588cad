import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { defineQuery } from '../../contract';
import { ROLES } from '../dto';
import { toInt } from '../paging';

/**
 * The services that keep audit records and answer `<service>.audit.records.v1` (ADR 0028). The
 * gateway keeps its own too and reads them in process: it answers nothing over NATS.
 */
export const AUDITED_SERVICES = ['intake', 'preliminary-review', 'expert-management', 'publicity', 'compliance'] as const;
/** Every source of audit records, as `service` names them in a record and a cursor. */
export const AUDIT_SOURCES = ['compliance', 'expert-management', 'gateway', 'intake', 'preliminary-review', 'publicity'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

export const AUDIT_OUTCOMES = ['succeeded', 'rejected'] as const;
/** Most records one service returns for one page (the gateway asks for a page + 1). */
export const AUDIT_MAX_LIMIT = 501;

/** The filters of a search of the audit log; each narrows it, all together. */
export class AuditFiltersV1 {
  /** The role the actor acted in. */
  @IsOptional()
  @IsIn(ROLES)
  role?: string;

  /**
   * The organisation the actor is bound to: a jurisdiction as recorded (`prefecture:150200`,
   * `enterprise:<USCC>`, `institution:<id>`, `expert:<id>`, `region`) or its code alone.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9:_-]{1,80}$/)
  organisation?: string;

  /** The action code, exactly (`review.return`), or its prefix ending in a dot (`review.`). */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*\.?$/)
  @MaxLength(80)
  action?: string;

  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/)
  objectType?: string;

  /**
   * The object's id; records whose detail names it (an application's id in a material download)
   * are found too, so that one search is a case's whole history.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9:._-]{1,200}$/)
  objectId?: string;

  /** From this instant, inclusive (ISO 8601 with offset). */
  @IsOptional()
  @IsString()
  @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  /** Before this instant, exclusive. */
  @IsOptional()
  @IsString()
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9:._-]{1,128}$/)
  requestId?: string;

  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: string;
}

/** Where a page of the merged log ends: records are ordered by time, service, id (all descending). */
export class AuditCursorV1 {
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt!: string;

  @IsIn(AUDIT_SOURCES)
  service!: string;

  @IsUUID()
  id!: string;
}

/** One service's share of a page of the audit log (the gateway merges them). */
export class SearchAuditRecordsV1 extends AuditFiltersV1 {
  /** The actor's user ids (the gateway resolves a name to the accounts that bear it). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  actorIds?: string[];

  /** Records after this one in the merged order; none: from the newest. */
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditCursorV1)
  after?: AuditCursorV1;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(AUDIT_MAX_LIMIT)
  limit!: number;
}

/** A service's audit records, newest first (ADR 0028); asked by the gateway for the Department and auditors. */
export const auditRecordsContract = (service: string) => defineQuery(`${service}.audit.records.v1`, SearchAuditRecordsV1, 'AuditRecordListV1');
