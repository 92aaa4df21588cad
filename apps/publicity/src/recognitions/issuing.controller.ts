import { Controller } from '@nestjs/common';
import {
  CertificateRefV1,
  ClosePublicity as Close,
  ClosePublicityV1,
  DocumentRefV1,
  ExportCertificatePdf,
  ExportRecognitionDocumentPdf,
  IssueRecognitionDocument as Issue,
  IssueRecognitionDocumentV1,
  ListIssuing,
  OptionalBatchDto,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ClosePublicity } from '../publicity/close-due-publicities';
import { IssueRecognitionDocument } from './issue-recognition-document';
import { ReadIssuing } from './read-issuing';

/** Closing a publicity, issuing its documents, and their PDFs and certificates (M9.3; ADR 0025). */
@Controller()
export class IssuingController {
  constructor(
    private readonly closePublicity: ClosePublicity,
    private readonly issueDocument: IssueRecognitionDocument,
    private readonly read: ReadIssuing,
  ) {}

  @Answers(Close)
  close(input: ClosePublicityV1, meta: MessageMeta) {
    return this.closePublicity.execute(input, meta);
  }

  @Answers(Issue)
  issue(input: IssueRecognitionDocumentV1, meta: MessageMeta) {
    return this.issueDocument.execute(input, meta);
  }

  @Answers(ListIssuing)
  list(input: OptionalBatchDto, meta: MessageMeta) {
    return this.read.list(input, meta);
  }

  @Answers(ExportRecognitionDocumentPdf)
  documentPdf(input: DocumentRefV1, meta: MessageMeta) {
    return this.read.documentPdf(input, meta);
  }

  @Answers(ExportCertificatePdf)
  certificatePdf(input: CertificateRefV1, meta: MessageMeta) {
    return this.read.certificatePdf(input, meta);
  }
}
