import { ApplicationRefDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/**
 * An application's on-site verifications as the caller may see them (M8.2, M11.1): the
 * commissioned institution, the Department and auditors everything; an assigned expert the visits
 * of their case; the applicant the date, place, notice and how many experts come (not who), and
 * the findings once a visit is concluded.
 */
export const ListSiteVisits = defineQuery('expert-management.site-visit.list.v1', ApplicationRefDto, 'SiteVisitListV1');
