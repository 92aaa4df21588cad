import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class ChangePasswordBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword!: string;

  /** The password policy: 8+ characters with three kinds, or a 16+ passphrase; not common; not the username. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  newPassword!: string;
}

export class TotpCodeBody {
  /** The 6-digit code the authenticator app shows now. */
  @IsString()
  @Matches(/^\d{6}$/, { message: '须为 6 位数字 / must be 6 digits' })
  code!: string;
}

export class DisableTotpBody extends TotpCodeBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}
