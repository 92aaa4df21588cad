import { IsUUID } from 'class-validator';
import { defineCommand } from '../../contract';

/** The Department closes one publicity whose period is over, drafting its main recognition document (M9.3). */
export class ClosePublicityV1 {
  @IsUUID()
  publicityId!: string;
}
export const ClosePublicity = defineCommand('publicity.publicity.close.v1', ClosePublicityV1, 'ClosedPublicityV1');
