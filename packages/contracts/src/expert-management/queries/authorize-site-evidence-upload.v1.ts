import { defineQuery } from '../../contract';
import { SiteFindingRefV1 } from '../commands/answer-site-finding.v1';

/** May the caller add evidence to this finding now, and within which limits? (M8.2) */
export const AuthorizeSiteEvidenceUpload = defineQuery('expert-management.site-visit.authorize-evidence-upload.v1', SiteFindingRefV1, 'UploadGrantV1');
