import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { defineCommand } from '../../contract';
import { SAFE_FILE_NAME } from '../../intake/commands/attach-material.v1';
import { SiteFindingRefV1 } from './answer-site-finding.v1';

/** What a finding's evidence may be: photos and PDF documents (decided by content at the gateway). */
export const SITE_EVIDENCE_TYPES = ['jpg', 'png', 'pdf'] as const;

export class AttachSiteEvidenceV1 extends SiteFindingRefV1 {
  @IsString()
  @Matches(SAFE_FILE_NAME, { message: '须为不含路径和控制字符的文件名 / must be a plain file name without path or control characters' })
  fileName!: string;

  @IsInt()
  @Min(1)
  size!: number;

  @IsIn(SITE_EVIDENCE_TYPES)
  mediaType!: string;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/)
  sm3?: string;

  @IsString()
  @MaxLength(512)
  @Matches(/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/)
  objectKey!: string;
}
/**
 * A photo or document the gateway streamed into object storage and inspected: the institution's
 * evidence for a finding while the visit is scheduled, or the applicant's for its answer after
 * the conclusion (M8.2). Only the reference travels over NATS.
 */
export const AttachSiteEvidence = defineCommand('expert-management.site-visit.attach-evidence.v1', AttachSiteEvidenceV1, 'SiteVisitViewV1');
