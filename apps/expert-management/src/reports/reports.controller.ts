import { Controller } from '@nestjs/common';
import {
  ApplicationRefDto,
  ExportBatchReport as ExportBatch,
  ExportBatchReportV1,
  ExportReviewReport as ExportReview,
  ExportReviewReportV1,
  GetReviewReport,
  ListBatchReports,
  OptionalBatchDto,
  SaveBatchReport as SaveBatch,
  SaveBatchReportV1,
  SaveReviewReport as Save,
  SaveReviewReportV1,
  SignOffBatchReport as SignOffBatch,
  SignOffBatchReportV1,
  SignOffReviewReport as SignOff,
  SignOffReviewReportV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ReadBatchReports, SaveBatchReport, SignOffBatchReport } from './batch-reports';
import { ExportReports } from './export-reports';
import { ReadReviewReport } from './read-review-report';
import { SaveReviewReport } from './save-review-report';
import { SignOffReviewReport } from './sign-off-review-report';

/** The institution's comprehensive review reports, per case and per batch (M8.1, M9.1). */
@Controller()
export class ReportsController {
  constructor(
    private readonly readReport: ReadReviewReport,
    private readonly saveReport: SaveReviewReport,
    private readonly signOffReport: SignOffReviewReport,
    private readonly readBatches: ReadBatchReports,
    private readonly saveBatch: SaveBatchReport,
    private readonly signOffBatch: SignOffBatchReport,
    private readonly exports: ExportReports,
  ) {}

  @Answers(GetReviewReport)
  get(input: ApplicationRefDto, meta: MessageMeta) {
    return this.readReport.get(input, meta);
  }

  @Answers(Save)
  save(input: SaveReviewReportV1, meta: MessageMeta) {
    return this.saveReport.execute(input, meta);
  }

  @Answers(SignOff)
  signOff(input: SignOffReviewReportV1, meta: MessageMeta) {
    return this.signOffReport.execute(input, meta);
  }

  @Answers(ExportReview)
  export(input: ExportReviewReportV1, meta: MessageMeta) {
    return this.exports.review(input, meta);
  }

  @Answers(ListBatchReports)
  batches(input: OptionalBatchDto, meta: MessageMeta) {
    return this.readBatches.list(input, meta);
  }

  @Answers(SaveBatch)
  saveBatchReport(input: SaveBatchReportV1, meta: MessageMeta) {
    return this.saveBatch.execute(input, meta);
  }

  @Answers(SignOffBatch)
  signOffBatchReport(input: SignOffBatchReportV1, meta: MessageMeta) {
    return this.signOffBatch.execute(input, meta);
  }

  @Answers(ExportBatch)
  exportBatch(input: ExportBatchReportV1, meta: MessageMeta) {
    return this.exports.batch(input, meta);
  }
}
