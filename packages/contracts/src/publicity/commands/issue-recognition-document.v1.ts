import { IsInt, IsUUID, Min } from 'class-validator';
import { defineCommand } from '../../contract';

/** The Department issues a reviewed draft: its number and date are taken then, its entries recognized (M9.3, M13.2). */
export class IssueRecognitionDocumentV1 {
  @IsUUID()
  documentId!: string;

  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
export const IssueRecognitionDocument = defineCommand('publicity.document.issue.v1', IssueRecognitionDocumentV1, 'RecognitionDocumentViewV1');
