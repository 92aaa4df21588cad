import { ServiceError } from '@firstset/messaging';

/** Publicity's refusals, with stable codes the gateway maps to problem details. */
export const PublicityErrors = {
  decisionIncomplete: (problems: Array<{ field: string; message: string }>) =>
    new ServiceError(
      'DECISION_INCOMPLETE',
      422,
      '须对本批次每项评审完成的申请作出且仅作出一次决定，不列入的须说明理由；未作任何改动 / Every reviewed candidate of the batch must be decided exactly once, with a reason for each one not selected; nothing was changed',
      problems.map((p) => p.message).join('; '),
      problems,
    ),
  meetingInFuture: (today: string) =>
    new ServiceError('MEETING_DATE_IN_FUTURE', 422, `会议日期不能晚于今天（${today}） / The meeting cannot be after today (${today})`, undefined, [
      { field: 'meetingOn', message: `不能晚于 ${today} / not after ${today}` },
    ]),
  publicationDatePast: (earliest: string) =>
    new ServiceError('PUBLICATION_DATE_PAST', 422, `公示发布日期不能早于 ${earliest} / The publication date cannot be before ${earliest}`, undefined, [
      { field: 'publicationDate', message: `不能早于 ${earliest}（今天与决定日期中较晚者） / not before ${earliest} (today or the decision, whichever is later)` },
    ]),
  emptyList: () =>
    new ServiceError('DECISION_LIST_EMPTY', 422, '名单没有条目，无需公示 / The list has no entries to publish'),
  noticeNotFound: () => new ServiceError('NOTICE_NOT_FOUND', 404, '公示公告不存在 / No such public notice'),
  decisionListNotFound: () => new ServiceError('DECISION_LIST_NOT_FOUND', 404, '认定名单不存在 / No such decision list'),
  alreadyPublished: (status: string) =>
    new ServiceError(
      'DECISION_LIST_ALREADY_PUBLISHED',
      409,
      '该认定名单已公示，不能再次公示 / This decision list has already been published',
      `status ${status}`,
    ),
  publishedCannotWithdraw: (status: string) =>
    new ServiceError(
      'DECISION_LIST_PUBLISHED',
      409,
      '该认定名单已公示，不能撤回；如有错误请通过异议处理 / This list is published and can no longer be withdrawn; a mistake is corrected through an objection',
      `status ${status}`,
    ),
  listWithdrawn: () =>
    new ServiceError('DECISION_LIST_WITHDRAWN', 409, '该认定名单已撤回 / This decision list has been withdrawn'),
  concurrentChange: () =>
    new ServiceError('CONCURRENT_CHANGE', 409, '数据已被同时修改，请刷新后重试 / The data changed meanwhile; reload and retry'),
  profilesMixed: (refs: string[]) =>
    new ServiceError(
      'POLICY_PROFILES_MIXED',
      409,
      `名单中的申请属于不同的政策配置（${refs.join('、')}），无法确定公示期 / The list mixes policy profiles (${refs.join(', ')}); the publicity period is ambiguous`,
    ),
  staleVersion: (current: number) =>
    new ServiceError('STALE_VERSION', 409, '该记录已被他人修改，请刷新后重试 / The entry changed since you read it; reload and retry', `current version ${current}`, [
      { field: 'expectedVersion', message: `当前版本为 ${current} / the current version is ${current}` },
    ]),
  nothingToAmend: () =>
    new ServiceError('NOTHING_TO_AMEND', 422, '没有需要更正的内容 / Nothing differs from the entry as it stands', undefined, [
      { field: 'enterpriseName', message: '请至少修改一项 / change at least one particular' },
    ]),
  notOver: (endDate: string) =>
    new ServiceError(
      'PUBLICITY_NOT_OVER',
      422,
      `公示期至 ${endDate} 结束，期满后方可结束公示 / The publicity runs until ${endDate}; it can be closed after that`,
      endDate,
      [{ field: 'publicityId', message: `publicity ends ${endDate} (M9.2, M9.3)` }],
    ),
  alreadyClosed: () =>
    new ServiceError('PUBLICITY_ALREADY_CLOSED', 409, '该公示已结束 / This publicity is already closed'),
  documentNotFound: () => new ServiceError('DOCUMENT_NOT_FOUND', 404, '认定文件不存在 / No such recognition document'),
  alreadyIssued: (documentNo: string | null) =>
    new ServiceError('DOCUMENT_ALREADY_ISSUED', 409, `该认定文件已印发（${documentNo ?? ''}） / This document has already been issued (${documentNo ?? ''})`),
  documentStale: (current: number) =>
    new ServiceError('STALE_VERSION', 409, '认定文件已被他人修改，请刷新后重试 / The document changed since you read it; reload and retry', `current version ${current}`, [
      { field: 'expectedVersion', message: `当前版本为 ${current} / the current version is ${current}` },
    ]),
  entryNotIssuable: (applicationNo: string, state: string) =>
    new ServiceError(
      'ENTRY_NOT_ISSUABLE',
      422,
      `申报 ${applicationNo} 当前状态（${state}）不能认定，未作任何改动 / Application ${applicationNo} is ${state} and cannot be recognized; nothing was changed`,
    ),
  certificateNotFound: () => new ServiceError('CERTIFICATE_NOT_FOUND', 404, '未找到该认定证书 / No such certificate'),
};
