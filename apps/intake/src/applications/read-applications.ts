import type { SignedPledgeViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { MessageMeta } from '@firstset/messaging';
import { AuditRecorder, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';
import { pageOf } from '@firstset/contracts';
import type { ApplicationDetailV1, ApplicationPageV1, ListOwnApplicationsV1 } from '@firstset/contracts';
import { INTAKE_SETTINGS, IntakeSettings } from '../config';
import { toApplicationView } from './application-view';
import { contentSha256 } from './content-hash';
import { readableApplication, readableApplicationWhere } from '../materials/material-access';
import type { ActorContext } from '@firstset/messaging';

/**
 * Who reads an application and its versions: the enterprise, its prefecture, the Department and
 * auditors by jurisdiction; the commissioned institution and an expert who accepted the assignment
 * and its undertaking (M8.1, M11.1) only while expert management's grant stands (ReviewerAccess:
 * revoked on recusal or disqualification).
 */
const READERS = ['enterprise', 'prefecture_officer', 'department_officer', 'auditor', 'institution_staff', 'expert'] as const;

/** Reads of applications, each limited to what the caller's jurisdiction may see. */
@Injectable()
export class ReadApplications {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    private readonly audit: AuditRecorder,
  ) {}

  /** An auditor's read is itself audited (ADR 0028): who looked at which application, when. */
  private async auditedRead(actor: ActorContext, meta: MessageMeta, action: string, applicationId: string): Promise<void> {
    if (actor.role !== 'auditor') return;
    await this.audit.record(this.db, meta, { action, objectType: 'application', objectId: applicationId, outcome: 'succeeded' });
  }

  /** Reviewers through their grant (anything else is "not found"), everyone else by jurisdiction. */
  private async whereReadable(actor: ActorContext, applicationId: string): Promise<Prisma.ApplicationWhereInput> {
    if (actor.role === 'expert' || actor.role === 'institution_staff') {
      const app = await readableApplication(this.db, actor, applicationId);
      return { id: app.id, submittedAt: { not: null } };
    }
    return readableApplicationWhere(actor, applicationId);
  }

  async get(applicationId: string, meta: MessageMeta): Promise<ApplicationDetailV1> {
    const actor = requireActor(meta, READERS);
    const where = await this.whereReadable(actor, applicationId);
    const app = await this.db.application.findFirst({
      where,
      include: { history: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] } },
    });
    if (!app) throw notFound('application');
    await this.auditedRead(actor, meta, 'application.read', app.id);
    // The latest credit answer at submission (M5.1, M7.4(2)), with its source and time.
    const credit = await this.db.creditCheck.findFirst({ where: { applicationId: app.id }, orderBy: { checkedAt: 'desc' } });
    return {
      ...toApplicationView(app, app.history, { role: actor.role, namesToEnterprise: this.settings.timelineNamesToEnterprise }),
      creditCheck: credit && {
        source: credit.source,
        seriousDishonesty: credit.seriousDishonesty,
        abnormalOperations: credit.abnormalOperations,
        checkedAt: credit.checkedAt.toISOString(),
      },
    };
  }

  /** Every submitted version with its differences from the previous one (M7.3: the reviewer sees what changed). */
  async versions(applicationId: string, meta: MessageMeta) {
    const actor = requireActor(meta, READERS);
    const where = await this.whereReadable(actor, applicationId);
    const app = await this.db.application.findFirst({ where, include: { versions: { orderBy: { version: 'asc' } } } });
    if (!app) throw notFound('application');
    await this.auditedRead(actor, meta, 'application.read-versions', app.id);
    return app.versions.map((v) => ({
      version: v.version,
      submittedAt: v.submittedAt.toISOString(),
      snapshot: v.snapshot,
      changes: v.changes,
      contentSha256: contentSha256(v.snapshot),
      pledge: (v.pledge as SignedPledgeViewV1 | null) ?? null,
    }));
  }

  /** The own enterprise's applications, newest first, a page at a time; by state, or by part of the number, name, series or model. */
  async listOwn(input: ListOwnApplicationsV1, meta: MessageMeta): Promise<ApplicationPageV1> {
    const actor = requireActor(meta, ['enterprise']);
    const { page, pageSize, skip, take } = pageOf(input);
    const where: Prisma.ApplicationWhereInput = { enterpriseUscc: actor.enterpriseUscc };
    if (input.state) where.state = input.state;
    const search = input.search?.trim();
    if (search) {
      where.OR = (['applicationNo', 'productName', 'series', 'model'] as const).map((f) => ({ [f]: { contains: search, mode: 'insensitive' as const } }));
    }
    const [total, apps] = await Promise.all([
      this.db.application.count({ where }),
      this.db.application.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip, take }),
    ]);
    return { items: apps.map((a) => toApplicationView(a)), total, page, pageSize };
  }
}
