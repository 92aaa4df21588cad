import { Controller } from '@nestjs/common';
import { EmptyDto, GetPreliminaryReviewWorkload } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ReadWorkload } from './read-workload';

/** The caller's work waiting in preliminary review, for the workspace home (ADR 0030). */
@Controller()
export class WorkloadController {
  constructor(private readonly workload: ReadWorkload) {}

  @Answers(GetPreliminaryReviewWorkload)
  get(_: EmptyDto, meta: MessageMeta) {
    return this.workload.execute(meta);
  }
}
