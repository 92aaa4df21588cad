import { Controller } from '@nestjs/common';
import {
  CommissionInstitution as Commission,
  CommissionInstitutionV1,
  EndCommission as End,
  EndCommissionV1,
  ListCommissions,
  ListCommissionsV1,
  ListInstitutions,
  PoolQueryV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { CommissionInstitution } from './commission-institution';
import { EndCommission } from './end-commission';
import { ReadCommissions } from './read-commissions';

/** The Department's commission of a review institution per batch (M8.1, M10.3), and the institutions it chooses from. */
@Controller()
export class CommissionsController {
  constructor(
    private readonly commissionInstitution: CommissionInstitution,
    private readonly readCommissions: ReadCommissions,
    private readonly endCommission: EndCommission,
  ) {}

  @Answers(End)
  end(input: EndCommissionV1, meta: MessageMeta) {
    return this.endCommission.execute(input, meta);
  }

  @Answers(Commission)
  commission(input: CommissionInstitutionV1, meta: MessageMeta) {
    return this.commissionInstitution.execute(input, meta);
  }

  @Answers(ListInstitutions)
  institutions(input: PoolQueryV1, meta: MessageMeta) {
    return this.readCommissions.institutions(input, meta);
  }

  @Answers(ListCommissions)
  commissions(input: ListCommissionsV1, meta: MessageMeta) {
    return this.readCommissions.commissions(input, meta);
  }
}
