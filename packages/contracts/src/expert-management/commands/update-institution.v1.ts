import { IsInt, IsUUID, Min } from 'class-validator';
import { defineCommand } from '../../contract';
import { RegisterInstitutionV1 } from './register-institution.v1';

/** The Department edits an institution's record; `version` is the one it read (a stale one is refused). */
export class UpdateInstitutionV1 extends RegisterInstitutionV1 {
  @IsUUID()
  id!: string;

  @IsInt()
  @Min(1)
  version!: number;
}
export const UpdateInstitution = defineCommand('expert-management.institution.update.v1', UpdateInstitutionV1, 'InstitutionDetailV1');
