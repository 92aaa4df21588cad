import { Controller } from '@nestjs/common';
import {
  AttachTrackingFile,
  AttachTrackingFileV1,
  AuthorizeTrackingAttachmentUpload,
  AuthorizeTrackingFileDownload,
  ConcludeTrackingEvaluation,
  ConcludeTrackingEvaluationV1,
  FindUnreferencedTrackingFiles,
  GetTrackingEvaluation,
  GetTrackingEvaluationV1,
  ListTrackableRecognitions,
  ListTrackableRecognitionsV1,
  ListTrackingEvaluations,
  ListTrackingEvaluationsV1,
  ObjectKeysV1,
  RemoveTrackingFile,
  RequestTrackingReport,
  RequestTrackingReportV1,
  SubmitTrackingReport,
  SubmitTrackingReportV1,
  SummarizeTrackingEvaluations,
  SummarizeTrackingEvaluationsV1,
  TrackingFileRefV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ConcludeTrackingEvaluation as Conclude } from './conclude-tracking-evaluation';
import { ReadTrackingEvaluations } from './read-tracking-evaluations';
import { RequestTrackingReport as Request } from './request-tracking-report';
import { SubmitTrackingReport as Submit } from './submit-tracking-report';
import { SummarizeTracking } from './summarize-tracking';
import { TrackingFiles } from './tracking-files';

/** The prefectures' yearly tracking evaluation of recognized products (M12.2; ADR 0026). */
@Controller()
export class TrackingController {
  constructor(
    private readonly requestReport: Request,
    private readonly submitReport: Submit,
    private readonly conclude: Conclude,
    private readonly read: ReadTrackingEvaluations,
    private readonly summarize: SummarizeTracking,
    private readonly files: TrackingFiles,
  ) {}

  @Answers(RequestTrackingReport)
  request(input: RequestTrackingReportV1, meta: MessageMeta) {
    return this.requestReport.execute(input, meta);
  }

  @Answers(SubmitTrackingReport)
  report(input: SubmitTrackingReportV1, meta: MessageMeta) {
    return this.submitReport.execute(input, meta);
  }

  @Answers(ConcludeTrackingEvaluation)
  concludeEvaluation(input: ConcludeTrackingEvaluationV1, meta: MessageMeta) {
    return this.conclude.execute(input, meta);
  }

  @Answers(ListTrackingEvaluations)
  list(input: ListTrackingEvaluationsV1, meta: MessageMeta) {
    return this.read.list(input, meta);
  }

  @Answers(GetTrackingEvaluation)
  get(input: GetTrackingEvaluationV1, meta: MessageMeta) {
    return this.read.get(input, meta);
  }

  @Answers(ListTrackableRecognitions)
  recognitions(input: ListTrackableRecognitionsV1, meta: MessageMeta) {
    return this.read.recognitions(input, meta);
  }

  @Answers(SummarizeTrackingEvaluations)
  summary(input: SummarizeTrackingEvaluationsV1, meta: MessageMeta) {
    return this.summarize.execute(input, meta);
  }

  @Answers(AuthorizeTrackingAttachmentUpload)
  authorizeUpload(input: GetTrackingEvaluationV1, meta: MessageMeta) {
    return this.files.authorizeUpload(input, meta);
  }

  @Answers(AttachTrackingFile)
  attach(input: AttachTrackingFileV1, meta: MessageMeta) {
    return this.files.attach(input, meta);
  }

  @Answers(RemoveTrackingFile)
  removeFile(input: TrackingFileRefV1, meta: MessageMeta) {
    return this.files.remove(input, meta);
  }

  @Answers(AuthorizeTrackingFileDownload)
  authorizeDownload(input: TrackingFileRefV1, meta: MessageMeta) {
    return this.files.authorizeDownload(input, meta);
  }

  @Answers(FindUnreferencedTrackingFiles)
  unreferenced(input: ObjectKeysV1, meta: MessageMeta) {
    return this.files.unreferenced(input, meta);
  }
}
