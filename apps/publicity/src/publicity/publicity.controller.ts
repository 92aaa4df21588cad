import { Controller } from '@nestjs/common';
import { CloseDuePublicities as CloseDue, EmptyDto, GetPublicNotice, GetPublicNoticeV1, ListPublicNotices, PublishList as Publish, PublishListV1 } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { CloseDuePublicities } from './close-due-publicities';
import { PublishList } from './publish-list';
import { ReadPublicNotices } from './read-public-notices';

/** Online publicity of a decided list (M9.2) and its close into recognitions (M9.3). */
@Controller()
export class PublicityController {
  constructor(
    private readonly publishList: PublishList,
    private readonly closeDuePublicities: CloseDuePublicities,
    private readonly notices: ReadPublicNotices,
  ) {}

  @Answers(ListPublicNotices)
  listNotices() {
    return this.notices.list();
  }

  @Answers(GetPublicNotice)
  getNotice(input: GetPublicNoticeV1) {
    return this.notices.get(input.id);
  }

  @Answers(Publish)
  publish(input: PublishListV1, meta: MessageMeta) {
    return this.publishList.execute(input, meta);
  }

  @Answers(CloseDue)
  closeDue(_: EmptyDto, meta: MessageMeta) {
    return this.closeDuePublicities.execute(meta);
  }
}
