import { IsOptional, IsUUID, Matches } from 'class-validator';
import { IsLocalDate } from '../../common/dto';

/** The dashboards' filters: a batch, a prefecture (its 6-digit division code), a submission period. */
export class DashboardFiltersQueryV1 {
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @IsOptional()
  @Matches(/^\d{6}$/)
  prefectureId?: string;

  @IsOptional()
  @IsLocalDate()
  from?: string;

  @IsOptional()
  @IsLocalDate()
  to?: string;
}
