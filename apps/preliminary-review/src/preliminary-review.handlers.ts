import { Injectable, OnModuleInit } from '@nestjs/common';
import * as C from '@firstset/contracts';
import { RpcServer } from '@firstset/messaging';
import { handleRpc } from '@firstset/service-kit';
import { ReadReviewCases } from './cases/read-review-cases';
import { ApprovalSettings } from './decisions/approval-settings';
import { ApproveDecision } from './decisions/approve-decision';
import { DiscardDecisionDraft } from './decisions/discard-decision-draft';
import { DecideApplication } from './decisions/decide-application';
import { ClaimCase } from './queue/claim-case';
import { ListOfficers } from './queue/list-officers';
import { RegisterOfficer } from './queue/register-officer';
import { SearchQueue } from './queue/search-queue';
import { FormalReview } from './review/formal-review';
import { ExportSummary } from './summary/export-summary';
import { ReadPrefectureProgress } from './summary/prefecture-progress';
import { ReadSummary } from './summary/read-summary';
import { SubmitSummary } from './summary/submit-summary';

/** Preliminary review's NATS commands and queries: map each message to its use case, nothing more. */
@Injectable()
export class PreliminaryReviewHandlers implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly readCases: ReadReviewCases,
    private readonly search: SearchQueue,
    private readonly claim: ClaimCase,
    private readonly officers: ListOfficers,
    private readonly review: FormalReview,
    private readonly decide: DecideApplication,
    private readonly approve: ApproveDecision,
    private readonly discard: DiscardDecisionDraft,
    private readonly settings: ApprovalSettings,
    private readonly submitSummary: SubmitSummary,
    private readonly readSummary: ReadSummary,
    private readonly exports: ExportSummary,
    private readonly progress: ReadPrefectureProgress,
    private readonly registerOfficer: RegisterOfficer,
  ) {}

  async onModuleInit(): Promise<void> {
    await handleRpc(this.rpc, C.ListReviewQueue, (p, m) => this.readCases.listQueue(p, m));
    await handleRpc(this.rpc, C.GetReviewCase, (p, m) => this.readCases.get(p.applicationId, m));
    await handleRpc(this.rpc, C.SearchReviewQueue, (p, m) => this.search.execute(p, m));
    await handleRpc(this.rpc, C.ClaimReviewCase, (p, m) => this.claim.claim(p, m));
    await handleRpc(this.rpc, C.AssignReviewCase, (p, m) => this.claim.assign(p, m));
    await handleRpc(this.rpc, C.ListPrefectureOfficers, (p, m) => this.officers.execute(p, m));
    await handleRpc(this.rpc, C.RegisterPrefectureOfficer, (p, m) => this.registerOfficer.execute(p, m));
    await handleRpc(this.rpc, C.GetFormalReview, (p, m) => this.review.get(p, m));
    await handleRpc(this.rpc, C.RecordMaterialVerdict, (p, m) => this.review.recordVerdict(p, m));
    await handleRpc(this.rpc, C.RecordConditionVerdict, (p, m) => this.review.recordConditionVerdict(p, m));
    await handleRpc(this.rpc, C.RecordVerification, (p, m) => this.review.recordVerification(p, m));
    await handleRpc(this.rpc, C.RecommendApplication, (p, m) => this.decide.recommend(p, m));
    await handleRpc(this.rpc, C.ReturnForCorrection, (p, m) => this.decide.returnForCorrection(p, m));
    await handleRpc(this.rpc, C.RejectApplication, (p, m) => this.decide.reject(p, m));
    await handleRpc(this.rpc, C.ApproveDecision, (p, m) => this.approve.execute(p, m));
    await handleRpc(this.rpc, C.DiscardDecisionDraft, (p, m) => this.discard.execute(p, m));
    await handleRpc(this.rpc, C.SetApprovalSetting, (p, m) => this.settings.set(p, m));
    await handleRpc(this.rpc, C.GetApprovalSetting, (p, m) => this.settings.get(p, m));
    await handleRpc(this.rpc, C.SubmitSummary, (p, m) => this.submitSummary.execute(p, m));
    await handleRpc(this.rpc, C.SubmitSupplementarySummary, (p, m) => this.submitSummary.supplement(p, m));
    await handleRpc(this.rpc, C.GetSummary, (p, m) => this.readSummary.execute(p, m));
    await handleRpc(this.rpc, C.ExportSummaryTable, (p, m) => this.exports.table(p, m));
    await handleRpc(this.rpc, C.ExportRecommendationLetter, (p, m) => this.exports.letter(p, m));
    await handleRpc(this.rpc, C.GetPrefectureProgress, (p, m) => this.progress.execute(p, m));
  }
}
