import { IsString, IsUUID, Matches } from 'class-validator';
import { defineQuery } from '../../contract';

/** May the caller upload into this slot of this application, and within which limits? (M7.4) */
export class MaterialSlotRefV1 {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @Matches(/^[a-zA-Z]{1,60}$/)
  slotId!: string;
}
export const AuthorizeMaterialUpload = defineQuery('intake.material.authorize-upload.v1', MaterialSlotRefV1, 'UploadGrantV1');
