import { Controller } from '@nestjs/common';
import {
  EmptyDto,
  ExportPrefectureRecognitions,
  ListPrefectureExpiryNotices,
  ListPrefectureRecognitions,
  ListPrefectureRecognitionsV1,
  SendExpiryNotices as SendDue,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ReadPrefectureRecognitions } from './prefecture-recognitions';
import { SendExpiryNotices } from './send-expiry-notices';

/** The prefecture's recognized products and their expiry notices (M14, M13.2). */
@Controller()
export class PrefectureRecognitionsController {
  constructor(
    private readonly prefecture: ReadPrefectureRecognitions,
    private readonly notices: SendExpiryNotices,
  ) {}

  @Answers(ListPrefectureRecognitions)
  list(input: ListPrefectureRecognitionsV1, meta: MessageMeta) {
    return this.prefecture.list(input, meta);
  }

  @Answers(ExportPrefectureRecognitions)
  export(input: ListPrefectureRecognitionsV1, meta: MessageMeta) {
    return this.prefecture.export(input, meta);
  }

  @Answers(ListPrefectureExpiryNotices)
  sentNotices(_: EmptyDto, meta: MessageMeta) {
    return this.prefecture.notices(meta);
  }

  @Answers(SendDue)
  send(_: EmptyDto, meta: MessageMeta) {
    return this.notices.execute(meta);
  }
}
