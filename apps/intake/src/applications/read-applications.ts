import { Inject, Injectable } from '@nestjs/common';
import { MessageMeta } from '@firstset/messaging';
import { notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';
import { ApplicationView, toApplicationView } from './application-view';

/** Reads of applications, each limited to what the caller's jurisdiction may see. */
@Injectable()
export class ReadApplications {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async get(applicationId: string, meta: MessageMeta): Promise<ApplicationView> {
    const actor = requireActor(meta, ['enterprise', 'prefecture_officer', 'department_officer', 'auditor']);
    const where: Prisma.ApplicationWhereInput = { id: applicationId };
    if (actor.role === 'enterprise') where.enterpriseUscc = actor.enterpriseUscc;
    if (actor.role === 'prefecture_officer') where.prefectureId = actor.prefectureId;
    const app = await this.db.application.findFirst({
      where,
      include: { history: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] } },
    });
    if (!app) throw notFound('application');
    return toApplicationView(app, app.history);
  }

  async listOwn(meta: MessageMeta): Promise<ApplicationView[]> {
    const actor = requireActor(meta, ['enterprise']);
    const apps = await this.db.application.findMany({
      where: { enterpriseUscc: actor.enterpriseUscc },
      orderBy: { createdAt: 'desc' },
      take: 200,
    });
    return apps.map((a) => toApplicationView(a));
  }
}
