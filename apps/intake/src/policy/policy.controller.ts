import { Controller } from '@nestjs/common';
import { EmptyDto, ListPolicyProfiles } from '@firstset/contracts';
import { Answers } from '@firstset/messaging';
import { ReadPolicyProfiles } from './read-policy-profiles';

/** The policy profiles an application can be made under (M15). */
@Controller()
export class PolicyController {
  constructor(private readonly readPolicyProfiles: ReadPolicyProfiles) {}

  @Answers(ListPolicyProfiles)
  list(_: EmptyDto) {
    return this.readPolicyProfiles.list();
  }
}
