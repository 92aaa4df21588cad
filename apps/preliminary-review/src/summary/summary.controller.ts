import { Controller } from '@nestjs/common';
import {
  BatchRefV1,
  ExportRecommendationLetter,
  ExportSummaryTable,
  GetPrefectureProgress,
  GetSummary,
  SubmitSummary as Submit,
  SubmitSummaryV1,
  SubmitSupplementarySummary,
  SummaryRefV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ExportSummary } from './export-summary';
import { ReadPrefectureProgress } from './prefecture-progress';
import { ReadSummary } from './read-summary';
import { SubmitSummary } from './submit-summary';

/** The prefecture's summary to the region (M7.3): submitting, supplementing, reading, exporting, progress. */
@Controller()
export class SummaryController {
  constructor(
    private readonly submitSummary: SubmitSummary,
    private readonly readSummary: ReadSummary,
    private readonly exportSummary: ExportSummary,
    private readonly progress: ReadPrefectureProgress,
  ) {}

  @Answers(Submit)
  submit(input: SubmitSummaryV1, meta: MessageMeta) {
    return this.submitSummary.execute(input, meta);
  }

  @Answers(SubmitSupplementarySummary)
  supplement(input: SubmitSummaryV1, meta: MessageMeta) {
    return this.submitSummary.supplement(input, meta);
  }

  @Answers(GetSummary)
  get(input: SummaryRefV1, meta: MessageMeta) {
    return this.readSummary.execute(input, meta);
  }

  @Answers(ExportSummaryTable)
  table(input: SummaryRefV1, meta: MessageMeta) {
    return this.exportSummary.table(input, meta);
  }

  @Answers(ExportRecommendationLetter)
  letter(input: SummaryRefV1, meta: MessageMeta) {
    return this.exportSummary.letter(input, meta);
  }

  @Answers(GetPrefectureProgress)
  prefectureProgress(input: BatchRefV1, meta: MessageMeta) {
    return this.progress.execute(input, meta);
  }
}
