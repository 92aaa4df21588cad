import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { defineCommand } from '../../contract';

/** An enterprise user registers (or updates) the enterprise bound to their account's credit code. */
export class RegisterEnterpriseV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  registeredAddress!: string;

  /** Six-digit administrative division code of the registered address (M5.1, M7.2). */
  @Matches(/^\d{6}$/, { message: '须为六位行政区划代码 / must be a six-digit division code' })
  addressDivisionCode!: string;
}
export const RegisterEnterprise = defineCommand('intake.enterprise.register.v1', RegisterEnterpriseV1, 'EnterpriseViewV1');
