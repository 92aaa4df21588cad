import { Controller } from '@nestjs/common';
import {
  GetInstitution,
  IdDto,
  LookupExpert,
  LookupExpertV1,
  LookupInstitution,
  LookupInstitutionV1,
  RegisterInstitution as Register,
  RegisterInstitutionV1,
  UpdateInstitution as Update,
  UpdateInstitutionV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ReadInstitution } from './read-institution';
import { RegisterInstitution } from './register-institution';
import { UpdateInstitution } from './update-institution';

/** Third-party institutions as the Department's records (M8.1), and compliance's lookups before a sanction (M10.3, M11.2). */
@Controller()
export class InstitutionsController {
  constructor(
    private readonly registerInstitution: RegisterInstitution,
    private readonly updateInstitution: UpdateInstitution,
    private readonly readInstitution: ReadInstitution,
  ) {}

  @Answers(Register)
  register(input: RegisterInstitutionV1, meta: MessageMeta) {
    return this.registerInstitution.execute(input, meta);
  }

  @Answers(Update)
  update(input: UpdateInstitutionV1, meta: MessageMeta) {
    return this.updateInstitution.execute(input, meta);
  }

  @Answers(GetInstitution)
  get(input: IdDto, meta: MessageMeta) {
    return this.readInstitution.get(input, meta);
  }

  @Answers(LookupInstitution)
  lookupInstitution(input: LookupInstitutionV1) {
    return this.readInstitution.lookupInstitution(input);
  }

  @Answers(LookupExpert)
  lookupExpert(input: LookupExpertV1) {
    return this.readInstitution.lookupExpert(input);
  }
}
