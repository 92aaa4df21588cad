import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

export class DocumentRefV1 {
  @IsUUID()
  documentId!: string;

  /** The public route's: a draft is 404 whoever asks. */
  @IsOptional()
  @IsBoolean()
  issuedOnly?: boolean;
}

/**
 * A recognition document as PDF (GB/T 9704 layout, M9.3): the draft's preview for the Department and
 * the auditor; an issued document for anyone (it is public). A draft asked for by others is 404.
 */
export const ExportRecognitionDocumentPdf = defineQuery('publicity.document.export-pdf.v1', DocumentRefV1, 'ExportedFileV1');
