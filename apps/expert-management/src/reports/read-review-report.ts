import { Inject, Injectable } from '@nestjs/common';
import type { ApplicationRefDto, ReviewReportViewV1 } from '@firstset/contracts';
import { PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import { caseOfInstitution, institutionOf } from '../reviews/case-access';
import { reportContent, reportFacts, toReportView } from './report-content';

/**
 * The comprehensive review report on one case (M8.1, M9.1). The commissioned institution reads its
 * report, or the draft it would sign, prefilled from the facts as they stand; the Department and
 * auditors read it once signed off (delivered). Another institution's case, or a report not yet
 * delivered to the Department, is "not found".
 */
@Injectable()
export class ReadReviewReport {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly profiles: PolicyProfileRegistry,
    private readonly clock: Clock,
  ) {}

  async get(input: ApplicationRefDto, meta: MessageMeta): Promise<ReviewReportViewV1> {
    const actor = requireActor(meta, ['institution_staff', 'department_officer', 'auditor']);
    if (actor.role === 'institution_staff') {
      const { reviewCase: c, commission, institution } = await caseOfInstitution(this.db, input.applicationId, institutionOf(actor), toShanghaiDate(this.clock.now()));
      const report = await this.db.reviewReport.findUnique({ where: { applicationId_commissionId: { applicationId: c.id, commissionId: commission.id } } });
      const { assignments, visits } = await reportFacts(this.db, c.id);
      return toReportView(c, { ...commission, institution }, report, reportContent(this.profiles, c, assignments, visits));
    }
    const report = await this.db.reviewReport.findFirst({ where: { applicationId: input.applicationId, status: 'signed_off' }, orderBy: { signedAt: 'desc' } });
    const c = report && (await this.db.reviewCase.findUnique({ where: { id: report.applicationId } }));
    const commission = report && (await this.db.commission.findUnique({ where: { id: report.commissionId }, include: { institution: true } }));
    if (!report || !c || !commission) throw notFound('report');
    const { assignments, visits } = await reportFacts(this.db, c.id);
    return toReportView(c, commission, report, reportContent(this.profiles, c, assignments, visits));
  }
}
