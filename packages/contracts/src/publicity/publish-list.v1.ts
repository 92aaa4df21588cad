import { IsOptional, IsUUID } from 'class-validator';
import { defineCommand, defineQuery } from '../contract';
import { EmptyDto, IsLocalDate } from '../common/dto';

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

/** Close every publicity whose period has ended, issuing recognitions where no objection stands (M9.3). */
export const CloseDuePublicities = defineCommand('publicity.publicity.close-due.v1', EmptyDto, 'CloseDueResultV1');

/** The public registry of recognized products (M13.1). */
export const ListPublicRecognitions = defineQuery('publicity.recognition.list-public.v1', EmptyDto, 'PublicRecognitionListV1');
