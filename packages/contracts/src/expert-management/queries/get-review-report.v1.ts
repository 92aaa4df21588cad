import { ApplicationRefDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/**
 * The comprehensive review report on one case: for the institution its draft, prefilled with the
 * criterion means, the experts' scores and opinions (anonymised) and the on-site conclusions; for the
 * Department and auditors the report once signed off (M8.1, M9.1).
 */
export const GetReviewReport = defineQuery('expert-management.report.get.v1', ApplicationRefDto, 'ReviewReportViewV1');
