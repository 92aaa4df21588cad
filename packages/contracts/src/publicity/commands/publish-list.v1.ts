import { IsOptional, IsUUID } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineCommand } from '../../contract';

/** Publish the decision list online, opening its publicity period (M9.2). */
export class PublishListV1 {
  @IsUUID()
  decisionListId!: string;

  /** Publication date; today (China Standard Time) when omitted. */
  @IsOptional()
  @IsLocalDate()
  publicationDate?: string;
}
export const PublishList = defineCommand('publicity.decision-list.publish.v1', PublishListV1, 'PublishedListV1');
