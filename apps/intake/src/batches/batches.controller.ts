import { Controller } from '@nestjs/common';
import {
  CloseBatchWindow as CloseWindow,
  CloseBatchWindowV1,
  EmptyDto,
  ExtendBatchWindow as ExtendWindow,
  ExtendBatchWindowV1,
  ListBatches,
  OpenBatch as Open,
  OpenBatchV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { CloseBatchWindow } from './close-batch-window';
import { ExtendBatchWindow } from './extend-batch-window';
import { OpenBatch } from './open-batch';
import { ReadBatches } from './read-batches';

/** Batches and their application windows (M7.1). */
@Controller()
export class BatchesController {
  constructor(
    private readonly openBatch: OpenBatch,
    private readonly readBatches: ReadBatches,
    private readonly extendWindow: ExtendBatchWindow,
    private readonly closeWindow: CloseBatchWindow,
  ) {}

  @Answers(Open)
  open(input: OpenBatchV1, meta: MessageMeta) {
    return this.openBatch.execute(input, meta);
  }

  @Answers(ListBatches)
  list(_: EmptyDto, meta: MessageMeta) {
    return this.readBatches.list(meta);
  }

  @Answers(ExtendWindow)
  extend(input: ExtendBatchWindowV1, meta: MessageMeta) {
    return this.extendWindow.execute(input, meta);
  }

  @Answers(CloseWindow)
  close(input: CloseBatchWindowV1, meta: MessageMeta) {
    return this.closeWindow.execute(input, meta);
  }
}
