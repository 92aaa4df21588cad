import { Controller } from '@nestjs/common';
import {
  DisqualifyExpert as Disqualify,
  DisqualifyExpertV1,
  EmptyDto,
  ImposeInstitutionBan as ImposeBan,
  ImposeInstitutionBanV1,
  ListExpertDisqualifications,
  ListInstitutionBans,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { DisqualifyExpert } from './disqualify-expert';
import { ImposeInstitutionBan } from './impose-institution-ban';
import { ReadSanctions } from './read-sanctions';

/** Sanctions on institutions (M10.3) and experts (M11.2). */
@Controller()
export class SanctionsController {
  constructor(
    private readonly imposeInstitutionBan: ImposeInstitutionBan,
    private readonly disqualifyExpert: DisqualifyExpert,
    private readonly readSanctions: ReadSanctions,
  ) {}

  @Answers(ImposeBan)
  banInstitution(input: ImposeInstitutionBanV1, meta: MessageMeta) {
    return this.imposeInstitutionBan.execute(input, meta);
  }

  @Answers(Disqualify)
  disqualify(input: DisqualifyExpertV1, meta: MessageMeta) {
    return this.disqualifyExpert.execute(input, meta);
  }

  @Answers(ListInstitutionBans)
  institutionBans(_: EmptyDto, meta: MessageMeta) {
    return this.readSanctions.institutionBans(meta);
  }

  @Answers(ListExpertDisqualifications)
  expertDisqualifications(_: EmptyDto, meta: MessageMeta) {
    return this.readSanctions.expertDisqualifications(meta);
  }
}
