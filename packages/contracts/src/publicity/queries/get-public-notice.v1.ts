import { IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

/** Anyone reads a public notice (M9.2): the frozen entries as decided, the hash, the dates and the rule. */
export class GetPublicNoticeV1 {
  @IsUUID()
  id!: string;
}
export const GetPublicNotice = defineQuery('publicity.notice.get.v1', GetPublicNoticeV1, 'PublicNoticeV1');
