import { Controller } from '@nestjs/common';
import { EmptyDto, ImportEarlierRecognitions as Import, ListEarlierRecognitions, SpreadsheetUploadV1 } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ImportEarlierRecognitions, ReadEarlierRecognitions } from './import-earlier-recognitions';

/** M6.4: the recognitions made before the platform, as the Department lists them. */
@Controller()
export class EarlierRecognitionsController {
  constructor(
    private readonly importEarlier: ImportEarlierRecognitions,
    private readonly readEarlier: ReadEarlierRecognitions,
  ) {}

  @Answers(Import)
  import(input: SpreadsheetUploadV1, meta: MessageMeta) {
    return this.importEarlier.execute(input, meta);
  }

  @Answers(ListEarlierRecognitions)
  list(_: EmptyDto, meta: MessageMeta) {
    return this.readEarlier.list(meta);
  }
}
