import { IsUUID } from 'class-validator';
import { defineCommand } from '../../contract';
import { SiteFindingRefV1 } from './answer-site-finding.v1';

export class SiteEvidenceRefV1 extends SiteFindingRefV1 {
  @IsUUID()
  evidenceId!: string;
}
/**
 * May the caller download this piece of site evidence? Answers with the object reference and
 * writes the audit record (a command, so that every download is audited, refusals included).
 */
export const AuthorizeSiteEvidenceDownload = defineCommand('expert-management.site-visit.authorize-evidence-download.v1', SiteEvidenceRefV1, 'DownloadGrantV1');
