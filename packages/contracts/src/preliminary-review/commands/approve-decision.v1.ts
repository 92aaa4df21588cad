import { ApplicationRefDto } from '../../common/dto';
import { defineCommand } from '../../contract';

/** A second officer of the prefecture approves the decision drafted on the case (two-step approval). */
export const ApproveDecision = defineCommand('preliminary-review.decision.approve.v1', ApplicationRefDto, 'ReviewCaseViewV1');
