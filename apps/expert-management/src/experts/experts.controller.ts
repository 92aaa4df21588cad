import { Controller } from '@nestjs/common';
import {
  AddExpert,
  AddExpertTie,
  AddExpertTieV1,
  AddExpertV1,
  BindExpertAccount,
  BindExpertAccountV1,
  ExpertPoolQueryV1,
  ExpertRefV1,
  GetExpert,
  GetExpertTemplate,
  ImportExperts,
  ListExperts,
  RemoveExpertTie,
  RemoveExpertTieV1,
  SpreadsheetUploadV1,
  UpdateExpert,
  UpdateExpertV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { AddExpert as AddExpertHandler } from './add-expert';
import { AddExpertTie as AddExpertTieHandler } from './add-expert-tie';
import { BindExpertAccount as BindExpertAccountHandler } from './bind-expert-account';
import { ExpertTemplate } from './expert-template';
import { ImportExperts as ImportExpertsHandler } from './import-experts';
import { ReadExpert } from './read-expert';
import { ReadExpertPool } from './read-expert-pool';
import { RemoveExpertTie as RemoveExpertTieHandler } from './remove-expert-tie';
import { UpdateExpert as UpdateExpertHandler } from './update-expert';

/** The institution's expert pool (M8.1) and the experts' declared ties (M11.1). */
@Controller()
export class ExpertsController {
  constructor(
    private readonly expertPool: ReadExpertPool,
    private readonly reading: ReadExpert,
    private readonly adding: AddExpertHandler,
    private readonly updating: UpdateExpertHandler,
    private readonly addingTie: AddExpertTieHandler,
    private readonly removingTie: RemoveExpertTieHandler,
    private readonly importing: ImportExpertsHandler,
    private readonly template: ExpertTemplate,
    private readonly binding: BindExpertAccountHandler,
  ) {}

  @Answers(ListExperts)
  list(input: ExpertPoolQueryV1, meta: MessageMeta) {
    return this.expertPool.execute(input, meta);
  }

  @Answers(GetExpert)
  get(input: ExpertRefV1, meta: MessageMeta) {
    return this.reading.execute(input, meta);
  }

  @Answers(AddExpert)
  add(input: AddExpertV1, meta: MessageMeta) {
    return this.adding.execute(input, meta);
  }

  @Answers(UpdateExpert)
  update(input: UpdateExpertV1, meta: MessageMeta) {
    return this.updating.execute(input, meta);
  }

  @Answers(AddExpertTie)
  addTie(input: AddExpertTieV1, meta: MessageMeta) {
    return this.addingTie.execute(input, meta);
  }

  @Answers(RemoveExpertTie)
  removeTie(input: RemoveExpertTieV1, meta: MessageMeta) {
    return this.removingTie.execute(input, meta);
  }

  @Answers(ImportExperts)
  import(input: SpreadsheetUploadV1, meta: MessageMeta) {
    return this.importing.execute(input, meta);
  }

  @Answers(GetExpertTemplate)
  templateFile(input: unknown, meta: MessageMeta) {
    return this.template.execute(input, meta);
  }

  @Answers(BindExpertAccount)
  bindAccount(input: BindExpertAccountV1, meta: MessageMeta) {
    return this.binding.execute(input, meta);
  }
}
