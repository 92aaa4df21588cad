import { Controller } from '@nestjs/common';
import {
  EmptyDto,
  GetEnterpriseProfile,
  RegisterEnterprise as Register,
  RegisterEnterpriseV1,
  UpdateEnterpriseProfile,
  UpdateEnterpriseProfileV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { EnterpriseProfile } from './enterprise-profile';
import { RegisterEnterprise } from './register-enterprise';

/** The applicant enterprise: its registration and profile. */
@Controller()
export class EnterprisesController {
  constructor(
    private readonly registerEnterprise: RegisterEnterprise,
    private readonly enterpriseProfile: EnterpriseProfile,
  ) {}

  @Answers(Register)
  register(input: RegisterEnterpriseV1, meta: MessageMeta) {
    return this.registerEnterprise.execute(input, meta);
  }

  @Answers(UpdateEnterpriseProfile)
  updateProfile(input: UpdateEnterpriseProfileV1, meta: MessageMeta) {
    return this.enterpriseProfile.update(input, meta);
  }

  @Answers(GetEnterpriseProfile)
  profile(_: EmptyDto, meta: MessageMeta) {
    return this.enterpriseProfile.get(meta);
  }
}
