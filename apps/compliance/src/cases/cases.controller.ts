import { Controller } from '@nestjs/common';
import {
  DecideComplianceCase,
  DecideComplianceCaseV1,
  DropComplianceCase,
  DropComplianceCaseV1,
  GetComplianceCase,
  GetComplianceCaseV1,
  ListComplianceCases,
  ListComplianceCasesV1,
  NotifyComplianceParty,
  NotifyCompliancePartyV1,
  OpenComplianceCase,
  OpenComplianceCaseV1,
  StateComplianceCase,
  StateComplianceCaseV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { DecideCase } from './decide-case';
import { DropCase } from './drop-case';
import { NotifyParty } from './notify-party';
import { OpenCase } from './open-case';
import { ReadCases } from './read-cases';
import { StateCase } from './state-case';

/** Compliance cases: the due process before a sanction (ADR 0026). */
@Controller()
export class CasesController {
  constructor(
    private readonly openCase: OpenCase,
    private readonly notifyParty: NotifyParty,
    private readonly stateCase: StateCase,
    private readonly decideCase: DecideCase,
    private readonly dropCase: DropCase,
    private readonly readCases: ReadCases,
  ) {}

  @Answers(OpenComplianceCase)
  open(input: OpenComplianceCaseV1, meta: MessageMeta) {
    return this.openCase.execute(input, meta);
  }

  @Answers(NotifyComplianceParty)
  notify(input: NotifyCompliancePartyV1, meta: MessageMeta) {
    return this.notifyParty.execute(input, meta);
  }

  @Answers(StateComplianceCase)
  state(input: StateComplianceCaseV1, meta: MessageMeta) {
    return this.stateCase.execute(input, meta);
  }

  @Answers(DecideComplianceCase)
  decide(input: DecideComplianceCaseV1, meta: MessageMeta) {
    return this.decideCase.execute(input, meta);
  }

  @Answers(DropComplianceCase)
  drop(input: DropComplianceCaseV1, meta: MessageMeta) {
    return this.dropCase.execute(input, meta);
  }

  @Answers(ListComplianceCases)
  list(input: ListComplianceCasesV1, meta: MessageMeta) {
    return this.readCases.list(input, meta);
  }

  @Answers(GetComplianceCase)
  get(input: GetComplianceCaseV1, meta: MessageMeta) {
    return this.readCases.get(input, meta);
  }
}
