import { IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

export class CaseRefV1 {
  @IsUUID()
  applicationId!: string;
}

/** M11.1: every expert of the institution's pool with their conflicts with one of its cases, and why. */
export const GetCaseConflicts = defineQuery('expert-management.conflict.of-case.v1', CaseRefV1, 'CaseConflictsV1');
