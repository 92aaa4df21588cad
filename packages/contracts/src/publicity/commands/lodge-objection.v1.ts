import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/** A phone number the objector can be reached at; with the receipt number it opens the case to them. */
export const OBJECTOR_PHONE_PATTERN = /^[0-9+\-() ]{5,20}$/;

/** Anyone objects to an entry of a publicized list during its publicity, by name (M9.2; ADR 0025). */
export class LodgeObjectionV1 {
  @IsUUID()
  entryId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  objectorName!: string;

  @IsIn(['individual', 'organization'])
  objectorKind!: 'individual' | 'organization';

  @Matches(OBJECTOR_PHONE_PATTERN)
  phone!: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  /** What is wrong with the entry and why, in the objector's words. */
  @IsString()
  @MinLength(10)
  @MultilineText()
  @MaxLength(5000)
  grounds!: string;
}
export const LodgeObjection = defineCommand('publicity.objection.lodge.v1', LodgeObjectionV1, 'ObjectionReceiptV1');
