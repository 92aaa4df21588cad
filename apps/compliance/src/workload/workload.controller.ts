import { Controller } from '@nestjs/common';
import { EmptyDto, GetComplianceWorkload } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ReadWorkload } from './read-workload';

/** The caller's work waiting in compliance, for the workspace home (ADR 0030). */
@Controller()
export class WorkloadController {
  constructor(private readonly workload: ReadWorkload) {}

  @Answers(GetComplianceWorkload)
  get(_: EmptyDto, meta: MessageMeta) {
    return this.workload.execute(meta);
  }
}
