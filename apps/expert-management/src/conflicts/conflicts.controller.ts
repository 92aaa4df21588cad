import { Controller } from '@nestjs/common';
import { CaseRefV1, ExpertIdV1, GetCaseConflicts, GetExpertConflicts, RecordConflict, RecordConflictV1 } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ReadCaseConflicts, ReadExpertConflicts } from './read-conflicts';
import { RecordConflict as RecordConflictHandler } from './record-conflict';

/** Conflicts of interest (M11.1): of a case, of an expert, and the ones the institution records. */
@Controller()
export class ConflictsController {
  constructor(
    private readonly ofCase: ReadCaseConflicts,
    private readonly ofExpert: ReadExpertConflicts,
    private readonly recording: RecordConflictHandler,
  ) {}

  @Answers(GetCaseConflicts)
  caseConflicts(input: CaseRefV1, meta: MessageMeta) {
    return this.ofCase.execute(input, meta);
  }

  @Answers(GetExpertConflicts)
  expertConflicts(input: ExpertIdV1, meta: MessageMeta) {
    return this.ofExpert.execute(input, meta);
  }

  @Answers(RecordConflict)
  record(input: RecordConflictV1, meta: MessageMeta) {
    return this.recording.execute(input, meta);
  }
}
