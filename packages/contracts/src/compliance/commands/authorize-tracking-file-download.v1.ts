import { IsUUID, Matches } from 'class-validator';
import { defineCommand } from '../../contract';

/** One file attached to a tracking report, by its content's SHA-256. */
export class TrackingFileRefV1 {
  @IsUUID()
  evaluationId!: string;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;
}
/**
 * May the caller download this file of a tracking report? Whoever may read the evaluation (its
 * prefecture, its enterprise, the Department, the auditor): answers with the object reference and
 * writes the audit record (a command, so refusals are audited too).
 */
export const AuthorizeTrackingFileDownload = defineCommand('compliance.tracking.authorize-file-download.v1', TrackingFileRefV1, 'DownloadGrantV1');
