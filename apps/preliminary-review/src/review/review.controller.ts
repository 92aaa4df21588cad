import { Controller } from '@nestjs/common';
import {
  ApplicationRefDto,
  GetFormalReview,
  RecordConditionVerdict,
  RecordConditionVerdictV1,
  RecordMaterialVerdict,
  RecordMaterialVerdictV1,
  RecordVerification,
  RecordVerificationV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { FormalReview } from './formal-review';

/** The formal review sheet (M7.4): verdicts on materials and conditions, verification actions (M12.1). */
@Controller()
export class ReviewController {
  constructor(private readonly formalReview: FormalReview) {}

  @Answers(GetFormalReview)
  get(input: ApplicationRefDto, meta: MessageMeta) {
    return this.formalReview.get(input, meta);
  }

  @Answers(RecordMaterialVerdict)
  materialVerdict(input: RecordMaterialVerdictV1, meta: MessageMeta) {
    return this.formalReview.recordVerdict(input, meta);
  }

  @Answers(RecordConditionVerdict)
  conditionVerdict(input: RecordConditionVerdictV1, meta: MessageMeta) {
    return this.formalReview.recordConditionVerdict(input, meta);
  }

  @Answers(RecordVerification)
  verification(input: RecordVerificationV1, meta: MessageMeta) {
    return this.formalReview.recordVerification(input, meta);
  }
}
