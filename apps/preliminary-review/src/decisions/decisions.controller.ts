import { Controller } from '@nestjs/common';
import {
  ApplicationRefDto,
  ApproveDecision as Approve,
  DiscardDecisionDraft as Discard,
  DiscardDecisionDraftV1,
  EmptyDto,
  GetApprovalSetting,
  RecommendApplication,
  RecommendApplicationV1,
  RejectApplication,
  RejectApplicationV1,
  ReturnForCorrection,
  ReturnForCorrectionV1,
  SetApprovalSetting,
  SetApprovalSettingV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ApprovalSettings } from './approval-settings';
import { ApproveDecision } from './approve-decision';
import { DecideApplication } from './decide-application';
import { DiscardDecisionDraft } from './discard-decision-draft';

/** The prefecture's decision on a case (M7.3, M7.4) and its optional two-step approval. */
@Controller()
export class DecisionsController {
  constructor(
    private readonly decide: DecideApplication,
    private readonly approveDecision: ApproveDecision,
    private readonly discardDraft: DiscardDecisionDraft,
    private readonly approvalSettings: ApprovalSettings,
  ) {}

  @Answers(RecommendApplication)
  recommend(input: RecommendApplicationV1, meta: MessageMeta) {
    return this.decide.recommend(input, meta);
  }

  @Answers(ReturnForCorrection)
  returnForCorrection(input: ReturnForCorrectionV1, meta: MessageMeta) {
    return this.decide.returnForCorrection(input, meta);
  }

  @Answers(RejectApplication)
  reject(input: RejectApplicationV1, meta: MessageMeta) {
    return this.decide.reject(input, meta);
  }

  @Answers(Approve)
  approve(input: ApplicationRefDto, meta: MessageMeta) {
    return this.approveDecision.execute(input, meta);
  }

  @Answers(Discard)
  discard(input: DiscardDecisionDraftV1, meta: MessageMeta) {
    return this.discardDraft.execute(input, meta);
  }

  @Answers(SetApprovalSetting)
  setApproval(input: SetApprovalSettingV1, meta: MessageMeta) {
    return this.approvalSettings.set(input, meta);
  }

  @Answers(GetApprovalSetting)
  getApproval(input: EmptyDto, meta: MessageMeta) {
    return this.approvalSettings.get(input, meta);
  }
}
