import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

/** An objection was lodged against an entry of a publicized list (M9.2). No objector's identity travels. */
export class ObjectionLodgedV1 {
  @IsUUID()
  objectionId!: string;

  @IsUUID()
  decisionListId!: string;

  @IsUUID()
  applicationId!: string;

  @IsISO8601()
  lodgedAt!: string;
}
export const ObjectionLodged = defineEvent('publicity.objection.lodged.v1', ObjectionLodgedV1);
