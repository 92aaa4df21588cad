import { Controller } from '@nestjs/common';
import { EmptyDto, ListApplicantBans } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ReadApplicantBans } from './read-applicant-bans';

/** Applicant bans (M10.2: three years after a revocation for improper means). */
@Controller()
export class BansController {
  constructor(private readonly readApplicantBans: ReadApplicantBans) {}

  @Answers(ListApplicantBans)
  list(_: EmptyDto, meta: MessageMeta) {
    return this.readApplicantBans.list(meta);
  }
}
