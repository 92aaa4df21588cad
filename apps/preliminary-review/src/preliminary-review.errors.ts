import { ServiceError } from '@firstset/messaging';

/** Preliminary review's refusals, with stable codes the gateway maps to problem details. */
export const PreliminaryReviewErrors = {
  concurrentChange: () =>
    new ServiceError('CONCURRENT_CHANGE', 409, '申请已被同时处理，请刷新后重试 / The application changed meanwhile; reload and retry'),
  assigneeUnknown: () =>
    new ServiceError('ASSIGNEE_UNKNOWN', 422, '被指派人不是本盟市的已知经办人 / The assignee is not a known officer of your prefecture'),
  caseClosed: (state: string) =>
    new ServiceError('CASE_CLOSED', 409, `申请已办结（${state}），不能再分派或审查 / The case is closed (${state})`),
  qualifiedInstitutionRequired: (slotId: string) =>
    new ServiceError('QUALIFIED_INSTITUTION_REQUIRED', 422, `「${slotId}」须判定出具机构是否具备资质（M5.5、M7.4(5)） / Say whether a qualified institution issued ${slotId} (M5.5, M7.4(5))`),
  qualifiedInstitutionNotApplicable: (slotId: string) =>
    new ServiceError('QUALIFIED_INSTITUTION_NOT_APPLICABLE', 422, `「${slotId}」无需判定出具机构资质 / ${slotId} has no qualified-institution requirement`),
  slotNotInChecklist: (slotId: string) =>
    new ServiceError('MATERIAL_NOT_IN_CHECKLIST', 422, `「${slotId}」不在本申请的材料清单中（M7.4） / ${slotId} is not in this application's checklist (M7.4)`),
  dateInFuture: () => new ServiceError('DATE_IN_FUTURE', 422, '核查日期不能晚于今天 / The verification date cannot be in the future'),
  deadlineNotAfterToday: (today: string) =>
    new ServiceError('CORRECTION_DEADLINE_INVALID', 422, `补正期限须晚于今天（${today}） / The correction deadline must be after today (${today})`),
  draftPending: () =>
    new ServiceError('DECISION_DRAFT_PENDING', 409, '已有待审批的决定，请先审批 / A drafted decision is waiting for approval'),
  exportTooLarge: (bytes: number) =>
    new ServiceError('EXPORT_TOO_LARGE', 413, '导出文件过大，请联系系统管理员 / The export is too large to send; contact the administrator', `${bytes} bytes`),
  noDraft: () => new ServiceError('NO_DRAFT', 409, '没有待审批的决定 / No drafted decision to approve'),
  approverMustDiffer: () =>
    new ServiceError('APPROVER_MUST_DIFFER', 422, '审批人须为起草人以外的本盟市经办人 / The approver must be another officer than the drafter'),
  summaryAlreadySubmitted: () =>
    new ServiceError(
      'SUMMARY_ALREADY_SUBMITTED',
      409,
      '本批次汇总已报送；仅在补正期限内重新报送的申请可补报（M7.3） / The summary for this batch was already submitted; only applications resubmitted within their correction deadline can follow in a supplement (M7.3)',
    ),
  summaryNotSubmitted: () =>
    new ServiceError('SUMMARY_NOT_SUBMITTED', 409, '本批次尚未报送汇总，请先报送汇总（M7.3） / Submit the summary first; a supplement follows it (M7.3)'),
  supplementEmpty: () =>
    new ServiceError('SUPPLEMENT_EMPTY', 422, '汇总报送后没有新推荐的申请，无需补报 / No application was recommended since the summary: nothing to supplement'),
  conditionNoteRequired: (conditionId: string) =>
    new ServiceError('CONDITION_NOTE_REQUIRED', 422, '判定为不满足或需补正时须说明理由 / Say why the condition is not met or needs correction', undefined, [
      { field: 'note', message: `${conditionId}：请填写理由 / ${conditionId}: give the reason`, rule: 'required' },
    ]),
  reviewIncomplete: (open: Array<{ field: string; reason: string; message: string; messageEn: string }>) =>
    new ServiceError(
      'REVIEW_INCOMPLETE',
      422,
      '初审尚未完成，不能推荐：每项材料和每项条件都须有当前的通过判定（M7.3、M12.1） / The review is not complete: every material and every condition needs a current, positive verdict before a recommendation (M7.3, M12.1)',
      `${open.length} 项未完成 / ${open.length} open`,
      open.map((o) => ({ field: o.field, message: `${o.message} / ${o.messageEn}`, rule: o.reason })),
    ),
  summaryDeadlinePassed: (deadline: string) =>
    new ServiceError('SUMMARY_DEADLINE_PASSED', 422, `汇总报送截止日期 ${deadline} 已过（M7.3） / The prefecture deadline ${deadline} has passed (M7.3)`),
  summaryEmpty: () =>
    new ServiceError('SUMMARY_EMPTY', 422, '本批次没有已推荐的申请，无法汇总报送 / No recommended application to summarize in this batch'),
  summaryOrderInvalid: () =>
    new ServiceError('SUMMARY_ORDER_INVALID', 422, '排序须只含本批次已推荐的申请且不重复 / The order must name recommended applications of the batch, once each'),
  prefectureRequired: () =>
    new ServiceError('PREFECTURE_REQUIRED', 400, '请指定盟市 / Name the prefecture (prefectureId)'),
};
