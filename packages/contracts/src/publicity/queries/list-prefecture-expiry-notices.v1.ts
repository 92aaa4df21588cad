import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The expiry notices sent about the caller's prefecture's recognitions (M13.2, M14), newest first. */
export const ListPrefectureExpiryNotices = defineQuery('publicity.expiry-notice.list-prefecture.v1', EmptyDto, 'PrefectureExpiryNoticeListV1');
