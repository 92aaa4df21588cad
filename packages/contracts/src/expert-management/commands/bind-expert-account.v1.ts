import { IsUUID, Matches } from 'class-validator';
import { defineCommand } from '../../contract';

/** The gateway issued a sign-in account for an expert of the caller's institution: the expert record names it. */
export class BindExpertAccountV1 {
  @IsUUID()
  expertId!: string;

  @Matches(/^[a-z0-9][a-z0-9._-]{2,39}$/)
  username!: string;
}
export const BindExpertAccount = defineCommand('expert-management.expert.bind-account.v1', BindExpertAccountV1, 'ExpertDetailV1');
