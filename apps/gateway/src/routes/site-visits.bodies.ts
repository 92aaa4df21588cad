import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsLocalDate, MultilineText } from '@firstset/contracts';
import { SITE_FINDING_RESULTS, SITE_VISIT_CONCLUSIONS } from '@firstset/domain';
import type { SiteFindingResult, SiteVisitConclusion } from '@firstset/domain';

// Plain classes so that their OpenAPI schemas come straight from their own rules; the service
// validates the whole message again against its contract (issue 17, on-site verification, M8.2).

export class SiteVisitPlanBody {
  @IsLocalDate() visitOn!: string;
  @IsString() @IsNotEmpty() @MaxLength(300) address!: string;
  @IsString() @IsNotEmpty() @MultilineText() @MaxLength(2000) notice!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true }) memberExpertIds!: string[];
}

export class SiteVisitUpdateBody extends SiteVisitPlanBody {
  @IsInt() @Min(1) expectedVersion!: number;
}

export class SiteVisitCancelBody {
  @IsString() @IsNotEmpty() @MultilineText() @MaxLength(1000) reason!: string;
}

export class SiteFindingBody {
  @IsString() @IsNotEmpty() @MaxLength(200) item!: string;
  @IsIn(SITE_FINDING_RESULTS) result!: SiteFindingResult;
  @IsString() @IsNotEmpty() @MultilineText() @MaxLength(4000) description!: string;
}

export class SiteConclusionBody {
  @IsIn(SITE_VISIT_CONCLUSIONS) conclusion!: SiteVisitConclusion;
  @IsString() @IsNotEmpty() @MultilineText() @MaxLength(4000) note!: string;
}

export class SiteAnswerBody {
  @IsString() @IsNotEmpty() @MultilineText() @MaxLength(4000) answer!: string;
}
