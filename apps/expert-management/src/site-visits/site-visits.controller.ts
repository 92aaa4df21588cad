import { Controller } from '@nestjs/common';
import {
  AnswerSiteFinding as Answer,
  AnswerSiteFindingV1,
  ApplicationRefDto,
  AttachSiteEvidence,
  AttachSiteEvidenceV1,
  AuthorizeSiteEvidenceDownload,
  AuthorizeSiteEvidenceUpload,
  CancelSiteVisit as Cancel,
  CancelSiteVisitV1,
  ConcludeSiteVisit as Conclude,
  ConcludeSiteVisitV1,
  FindUnreferencedSiteEvidence,
  ListSiteVisits,
  ObjectKeysV1,
  RecordSiteFinding as Record,
  RecordSiteFindingV1,
  ScheduleSiteVisit as Schedule,
  ScheduleSiteVisitV1,
  SiteEvidenceRefV1,
  SiteFindingRefV1,
  UpdateSiteVisit as Update,
  UpdateSiteVisitV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { AnswerSiteFinding } from './answer-site-finding';
import { CancelSiteVisit } from './cancel-site-visit';
import { ConcludeSiteVisit } from './conclude-site-visit';
import { ReadSiteVisits } from './read-site-visits';
import { RecordSiteFinding } from './record-site-finding';
import { ScheduleSiteVisit, UpdateSiteVisit } from './schedule-site-visit';
import { SiteEvidence } from './site-evidence';

/** On-site verification (现场核查, M8.2): visits, findings with evidence, conclusions, the applicant's answers. */
@Controller()
export class SiteVisitsController {
  constructor(
    private readonly scheduleVisit: ScheduleSiteVisit,
    private readonly updateVisit: UpdateSiteVisit,
    private readonly cancelVisit: CancelSiteVisit,
    private readonly recordFinding: RecordSiteFinding,
    private readonly concludeVisit: ConcludeSiteVisit,
    private readonly answerFinding: AnswerSiteFinding,
    private readonly evidence: SiteEvidence,
    private readonly visits: ReadSiteVisits,
  ) {}

  @Answers(Schedule)
  schedule(input: ScheduleSiteVisitV1, meta: MessageMeta) {
    return this.scheduleVisit.execute(input, meta);
  }

  @Answers(Update)
  update(input: UpdateSiteVisitV1, meta: MessageMeta) {
    return this.updateVisit.execute(input, meta);
  }

  @Answers(Cancel)
  cancel(input: CancelSiteVisitV1, meta: MessageMeta) {
    return this.cancelVisit.execute(input, meta);
  }

  @Answers(Record)
  record(input: RecordSiteFindingV1, meta: MessageMeta) {
    return this.recordFinding.execute(input, meta);
  }

  @Answers(Conclude)
  conclude(input: ConcludeSiteVisitV1, meta: MessageMeta) {
    return this.concludeVisit.execute(input, meta);
  }

  @Answers(Answer)
  answer(input: AnswerSiteFindingV1, meta: MessageMeta) {
    return this.answerFinding.execute(input, meta);
  }

  @Answers(AuthorizeSiteEvidenceUpload)
  authorizeUpload(input: SiteFindingRefV1, meta: MessageMeta) {
    return this.evidence.authorizeUpload(input, meta);
  }

  @Answers(AttachSiteEvidence)
  attach(input: AttachSiteEvidenceV1, meta: MessageMeta) {
    return this.evidence.attach(input, meta);
  }

  @Answers(AuthorizeSiteEvidenceDownload)
  authorizeDownload(input: SiteEvidenceRefV1, meta: MessageMeta) {
    return this.evidence.authorizeDownload(input, meta);
  }

  @Answers(FindUnreferencedSiteEvidence)
  unreferenced(input: ObjectKeysV1, meta: MessageMeta) {
    return this.evidence.unreferenced(input, meta);
  }

  @Answers(ListSiteVisits)
  list(input: ApplicationRefDto, meta: MessageMeta) {
    return this.visits.list(input, meta);
  }
}
