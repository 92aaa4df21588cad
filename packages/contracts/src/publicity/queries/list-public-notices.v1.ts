import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The current and past public notices of decided lists (M9.2), newest first; anyone may read them. */
export const ListPublicNotices = defineQuery('publicity.notice.list.v1', EmptyDto, 'PublicNoticeListV1');
