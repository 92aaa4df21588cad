import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsLocalDate, MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/**
 * During an investigation the Department asks the prefecture, the institution or the enterprise a
 * question with a due date (ADR 0025). The party is derived from the entry (its prefecture, its
 * USCC); an institution must be named by `partyRef` (its id).
 */
export class AskObjectionPartyV1 {
  @IsUUID()
  objectionId!: string;

  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @IsIn(['prefecture', 'institution', 'enterprise'])
  party!: 'prefecture' | 'institution' | 'enterprise';

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  partyRef?: string;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  question!: string;

  @IsLocalDate()
  dueOn!: string;
}
export const AskObjectionParty = defineCommand('publicity.objection.ask.v1', AskObjectionPartyV1, 'ObjectionDetailV1');
