import { Controller } from '@nestjs/common';
import { ChangeSanction as Change, ChangeSanctionV1, EmptyDto, ListPublicSanctions, ListSanctions, ListSanctionsV1 } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ChangeSanction } from './change-sanction';
import { ReadRegistry } from './read-registry';

/** The sanction registry (ADR 0026): its records and history, changes, and the public list. */
@Controller()
export class RegistryController {
  constructor(
    private readonly changeSanction: ChangeSanction,
    private readonly registry: ReadRegistry,
  ) {}

  @Answers(Change)
  change(input: ChangeSanctionV1, meta: MessageMeta) {
    return this.changeSanction.execute(input, meta);
  }

  @Answers(ListSanctions)
  list(input: ListSanctionsV1, meta: MessageMeta) {
    return this.registry.list(input, meta);
  }

  @Answers(ListPublicSanctions)
  inForce(_: EmptyDto) {
    return this.registry.inForce();
  }
}
