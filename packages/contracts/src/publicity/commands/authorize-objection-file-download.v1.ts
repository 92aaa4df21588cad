import { IsOptional, IsUUID, Matches } from 'class-validator';
import { defineCommand } from '../../contract';

/** A file of an objection: its evidence (no `inquiryId`) or an attachment to an inquiry's answer. */
export class ObjectionFileRefV1 {
  @IsUUID()
  objectionId!: string;

  @IsOptional()
  @IsUUID()
  inquiryId?: string;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;
}
/**
 * May the caller download this file of an objection? The Department only (ADR 0025): answers with
 * the object reference and writes the audit record (a command, so refusals are audited too).
 */
export const AuthorizeObjectionFileDownload = defineCommand('publicity.objection.authorize-file-download.v1', ObjectionFileRefV1, 'DownloadGrantV1');
