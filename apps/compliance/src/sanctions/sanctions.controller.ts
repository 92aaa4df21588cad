import { Controller } from '@nestjs/common';
import { EmptyDto, ListExpertDisqualifications, ListInstitutionBans } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ReadSanctions } from './read-sanctions';

/**
 * The lists of institution bans (M10.3) and expert disqualifications (M11.2). Both are imposed
 * only by deciding a compliance case after a hearing (ADR 0026).
 */
@Controller()
export class SanctionsController {
  constructor(private readonly readSanctions: ReadSanctions) {}

  @Answers(ListInstitutionBans)
  institutionBans(_: EmptyDto, meta: MessageMeta) {
    return this.readSanctions.institutionBans(meta);
  }

  @Answers(ListExpertDisqualifications)
  expertDisqualifications(_: EmptyDto, meta: MessageMeta) {
    return this.readSanctions.expertDisqualifications(meta);
  }
}
