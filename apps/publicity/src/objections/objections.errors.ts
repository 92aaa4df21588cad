import { ServiceError } from '@firstset/messaging';

/** The refusals of objections and their inquiries (ADR 0025), with stable codes. */
export const ObjectionErrors = {
  entryNotFound: () =>
    new ServiceError('OBJECTION_ENTRY_NOT_FOUND', 404, '公示名单中没有该条目 / No such entry in a publicized list'),
  periodOver: (endDate: string) =>
    new ServiceError(
      'OBJECTION_PERIOD_OVER',
      422,
      `公示期已于 ${endDate} 结束，不再受理异议 / The publicity ended on ${endDate}; objections are no longer received`,
      endDate,
      [{ field: 'entryId', message: `publicity ended ${endDate} (M9.2)` }],
    ),
  periodNotStarted: (startDate: string) =>
    new ServiceError(
      'OBJECTION_PERIOD_NOT_STARTED',
      422,
      `公示期自 ${startDate} 开始，届时方可提出异议 / The publicity starts on ${startDate}; objections open then`,
      startDate,
      [{ field: 'entryId', message: `publicity starts ${startDate} (M9.2)` }],
    ),
  entryRemoved: () =>
    new ServiceError('OBJECTION_ENTRY_REMOVED', 422, '该条目已移出名单 / This entry has been removed from the list', undefined, [
      { field: 'entryId', message: 'removed after an upheld objection (M9.3)' },
    ]),
  /** A receipt number and phone that do not match: never which part was wrong. */
  notFound: () => new ServiceError('OBJECTION_NOT_FOUND', 404, '未找到该异议 / No such objection'),
  stale: (current: number) =>
    new ServiceError('STALE_VERSION', 409, '异议已被他人处理，请刷新后重试 / The objection changed meanwhile; reload and retry', `current version ${current}`),
  wrongStatus: (status: string, wanted: string) =>
    new ServiceError('OBJECTION_STATUS', 409, `异议当前状态（${status}）不允许此操作 / Not possible while the objection is ${status}`, `needs ${wanted}`),
  attachmentsFull: (max: number) =>
    new ServiceError('OBJECTION_ATTACHMENTS_FULL', 422, `每件异议最多 ${max} 个附件 / At most ${max} files per objection`),
  partyRefRequired: () =>
    new ServiceError('INQUIRY_PARTY_REQUIRED', 422, '请指明被询问的评审机构 / Name the institution asked', undefined, [
      { field: 'partyRef', message: 'the institution id is required' },
    ]),
  dueInPast: (today: string) =>
    new ServiceError('INQUIRY_DUE_PAST', 422, `答复期限不得早于今天（${today}） / The due date cannot be before today (${today})`, undefined, [
      { field: 'dueOn', message: `on or after ${today}` },
    ]),
  inquiryNotFound: () => new ServiceError('INQUIRY_NOT_FOUND', 404, '未找到该核查问询 / No such inquiry'),
  fileNotFound: () => new ServiceError('OBJECTION_FILE_NOT_FOUND', 404, '未找到该文件 / No such file'),
  alreadyAnswered: () => new ServiceError('INQUIRY_ALREADY_ANSWERED', 409, '该问询已答复 / This inquiry has been answered'),
};
