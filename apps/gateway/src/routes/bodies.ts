import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { LOCAL_DATE, REVOCATION_GROUNDS, RevocationGround } from '@firstset/contracts';

// HTTP bodies of routes whose object id travels in the path; the rest of the payload is the
// contract's. The owning service validates the whole message again on receipt.

export class LoginBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class OpinionBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  opinion!: string;
}

export class AssignExpertBody {
  @IsUUID()
  expertId!: string;
}

export class ScoreBody {
  @IsInt()
  @Min(0)
  @Max(100)
  score!: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  opinion!: string;
}

export class PublishBody {
  @IsOptional()
  @Matches(LOCAL_DATE)
  publicationDate?: string;
}

export class RevokeBody {
  @IsIn(REVOCATION_GROUNDS)
  grounds!: RevocationGround;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;

  @IsOptional()
  @Matches(LOCAL_DATE)
  decisionDate?: string;
}

export class BatchQuery {
  @IsOptional()
  @IsUUID()
  batchId?: string;
}
