import { Controller } from '@nestjs/common';
import {
  ApplicationRefDto,
  CheckApplication as Check,
  CreateApplication as Create,
  CreateApplicationV1,
  GetApplication,
  ListApplicationVersions,
  ListOwnApplications,
  ListOwnApplicationsV1,
  ResubmitApplication as Resubmit,
  ResubmitApplicationV1,
  SubmitApplication as Submit,
  SubmitApplicationV1,
  SubmitCompleteApplication as SubmitComplete,
  SubmitCompleteApplicationV1,
  UpdateApplicationDraft,
  UpdateApplicationDraftV1,
  WithdrawApplication as Withdraw,
  WithdrawApplicationV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { CheckApplication } from './check-application';
import { CreateApplication } from './create-application';
import { ReadApplications } from './read-applications';
import { ResubmitApplication } from './resubmit-application';
import { SubmitApplications } from './submit-applications';
import { UpdateDraft } from './update-draft';
import { WithdrawApplication } from './withdraw-application';

/** The enterprise's applications: drafting, checking, submitting, correcting, withdrawing (M7). */
@Controller()
export class ApplicationsController {
  constructor(
    private readonly createApplication: CreateApplication,
    private readonly updateDraft: UpdateDraft,
    private readonly checkApplication: CheckApplication,
    private readonly submissions: SubmitApplications,
    private readonly resubmitApplication: ResubmitApplication,
    private readonly withdrawApplication: WithdrawApplication,
    private readonly readApplications: ReadApplications,
  ) {}

  @Answers(Create)
  create(input: CreateApplicationV1, meta: MessageMeta) {
    return this.createApplication.execute(input, meta);
  }

  @Answers(UpdateApplicationDraft)
  update(input: UpdateApplicationDraftV1, meta: MessageMeta) {
    return this.updateDraft.execute(input, meta);
  }

  @Answers(Check)
  check(input: ApplicationRefDto, meta: MessageMeta) {
    return this.checkApplication.execute(input, meta);
  }

  @Answers(Submit)
  submit(input: SubmitApplicationV1, meta: MessageMeta) {
    return this.submissions.submitDraft(input, meta);
  }

  @Answers(SubmitComplete)
  submitWhole(input: SubmitCompleteApplicationV1, meta: MessageMeta) {
    return this.submissions.submitComplete(input, meta);
  }

  @Answers(Resubmit)
  resubmit(input: ResubmitApplicationV1, meta: MessageMeta) {
    return this.resubmitApplication.execute(input, meta);
  }

  @Answers(Withdraw)
  withdraw(input: WithdrawApplicationV1, meta: MessageMeta) {
    return this.withdrawApplication.execute(input, meta);
  }

  @Answers(GetApplication)
  get(input: ApplicationRefDto, meta: MessageMeta) {
    return this.readApplications.get(input.applicationId, meta);
  }

  @Answers(ListOwnApplications)
  listOwn(input: ListOwnApplicationsV1, meta: MessageMeta) {
    return this.readApplications.listOwn(input, meta);
  }

  @Answers(ListApplicationVersions)
  versions(input: ApplicationRefDto, meta: MessageMeta) {
    return this.readApplications.versions(input.applicationId, meta);
  }
}
