import { Controller } from '@nestjs/common';
import {
  AcceptAssignment as Accept,
  AcceptAssignmentV1,
  RecuseAssignment as Recuse,
  RecuseAssignmentV1,
  AssignExpert as Assign,
  AssignExpertV1,
  ScoreApplication as Score,
  ScoreApplicationV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { AcceptAssignment } from './accept-assignment';
import { AssignExpert } from './assign-expert';
import { RecuseAssignment } from './recuse-assignment';
import { ScoreApplication } from './score-application';

/** Experts assigned to a case (M8.1, M11.2), their acceptance, recusal and rubric scores under confidentiality (M11.1). */
@Controller()
export class AssignmentsController {
  constructor(
    private readonly assignExpert: AssignExpert,
    private readonly acceptAssignment: AcceptAssignment,
    private readonly scoreApplication: ScoreApplication,
    private readonly recuseAssignment: RecuseAssignment,
  ) {}

  @Answers(Assign)
  assign(input: AssignExpertV1, meta: MessageMeta) {
    return this.assignExpert.execute(input, meta);
  }

  @Answers(Accept)
  accept(input: AcceptAssignmentV1, meta: MessageMeta) {
    return this.acceptAssignment.execute(input, meta);
  }

  @Answers(Score)
  score(input: ScoreApplicationV1, meta: MessageMeta) {
    return this.scoreApplication.execute(input, meta);
  }

  @Answers(Recuse)
  recuse(input: RecuseAssignmentV1, meta: MessageMeta) {
    return this.recuseAssignment.execute(input, meta);
  }
}
