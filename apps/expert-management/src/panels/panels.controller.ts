import { Controller } from '@nestjs/common';
import {
  AdjustPanelSeat as Adjust,
  AdjustPanelSeatV1,
  ConfirmPanelRun as Confirm,
  ConfirmPanelRunV1,
  ListPanelCandidates,
  ListPanelCandidatesV1,
  ProposePanels as Propose,
  ProposePanelsV1,
  ReadPanels as Read,
  ReadPanelsV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { AdjustPanelSeat } from './adjust-panel-seat';
import { ConfirmPanelRun } from './confirm-panel-run';
import { ProposePanels } from './propose-panels';
import { ReadPanels } from './read-panels';

/** Panels proposed by the solver, adjusted and confirmed by the institution (M8.1, M11.1). */
@Controller()
export class PanelsController {
  constructor(
    private readonly proposePanels: ProposePanels,
    private readonly adjustPanelSeat: AdjustPanelSeat,
    private readonly confirmPanelRun: ConfirmPanelRun,
    private readonly readPanels: ReadPanels,
  ) {}

  @Answers(Propose)
  propose(input: ProposePanelsV1, meta: MessageMeta) {
    return this.proposePanels.execute(input, meta);
  }

  @Answers(Adjust)
  adjust(input: AdjustPanelSeatV1, meta: MessageMeta) {
    return this.adjustPanelSeat.execute(input, meta);
  }

  @Answers(Confirm)
  confirm(input: ConfirmPanelRunV1, meta: MessageMeta) {
    return this.confirmPanelRun.execute(input, meta);
  }

  @Answers(Read)
  overview(input: ReadPanelsV1, meta: MessageMeta) {
    return this.readPanels.overview(input, meta);
  }

  @Answers(ListPanelCandidates)
  candidates(input: ListPanelCandidatesV1, meta: MessageMeta) {
    return this.readPanels.candidates(input, meta);
  }
}
