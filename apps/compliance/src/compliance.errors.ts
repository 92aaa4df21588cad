import { ServiceError } from '@firstset/messaging';

/** Compliance's refusals, with stable codes the gateway maps to problem details. */
export const ComplianceErrors = {
  recognitionNotFound: () => new ServiceError('RECOGNITION_NOT_FOUND', 404, '认定记录不存在 / No such recognition'),
  decisionDateInFuture: (date: string, today: string) =>
    new ServiceError(
      'DECISION_DATE_IN_FUTURE',
      422,
      `决定日期 ${date} 晚于今天（${today}） / The decision date ${date} is after today (${today})`,
    ),
  decisionBeforeRecognition: (date: string, documentDate: string) =>
    new ServiceError(
      'DECISION_DATE_BEFORE_RECOGNITION',
      422,
      `撤销决定日期 ${date} 早于认定文件日期 ${documentDate} / The revocation cannot precede the recognition document of ${documentDate}`,
    ),
  institutionUnknown: () =>
    new ServiceError('INSTITUTION_NOT_FOUND', 404, '第三方机构不存在 / No such institution', 'M10.3: expert management knows no institution with this id and USCC'),
  expertUnknown: () => new ServiceError('EXPERT_NOT_FOUND', 404, '专家不存在 / No such expert', 'M11.2: expert management knows no such expert'),
  concurrentChange: () =>
    new ServiceError('CONCURRENT_CHANGE', 409, '数据已被同时修改，请刷新后重试 / The data changed meanwhile; reload and retry'),
  caseNotFound: () => new ServiceError('COMPLIANCE_CASE_NOT_FOUND', 404, '案件不存在 / No such compliance case'),
  caseStale: (current: number) =>
    new ServiceError('STALE_VERSION', 409, '案件已被他人处理，请刷新后重试 / The case changed meanwhile; reload and retry', `current version ${current}`),
  caseStatus: (status: string, wanted: string) =>
    new ServiceError('COMPLIANCE_CASE_STATUS', 409, `案件当前状态（${status}）不允许此操作 / Not possible while the case is ${status}`, `needs ${wanted}`),
  institutionUsccRequired: () =>
    new ServiceError('SUBJECT_USCC_REQUIRED', 422, '请填写评审机构的统一社会信用代码 / The institution\'s USCC is required', undefined, [
      { field: 'subjectUscc', message: '请填写评审机构的统一社会信用代码 / required for an institution', rule: 'required' },
    ]),
  recognitionNotValid: (state: string) =>
    new ServiceError('RECOGNITION_NOT_REVOCABLE', 409, `该认定当前状态（${state}）不能撤销 / A recognition in state ${state} cannot be revoked`),
  interimNotPossible: () =>
    new ServiceError('INTERIM_NOT_POSSIBLE', 422, '只有评审机构和专家的工作可以先行暂停 / Only an institution\'s or an expert\'s work can be suspended in the interim'),
  caseAlreadyOpen: (caseNo: string) =>
    new ServiceError('COMPLIANCE_CASE_OPEN', 409, `同一对象已有未结案件 ${caseNo} / An open case ${caseNo} already concerns this subject`),
  statementTooLate: (deadline: string) =>
    new ServiceError('STATEMENT_TOO_LATE', 422, `陈述、申辩期限已于 ${deadline} 届满 / The time to state the case ended on ${deadline}`),
  sanctionNotFound: () => new ServiceError('SANCTION_NOT_FOUND', 404, '处理记录不存在 / No such sanction'),
  sanctionStale: (current: number) =>
    new ServiceError('STALE_VERSION', 409, '处理记录已被他人变更，请刷新后重试 / The sanction changed meanwhile; reload and retry', `current version ${current}`),
  sanctionChangeRefused: (status: string, change: string) =>
    new ServiceError('SANCTION_CHANGE_REFUSED', 409, `处理当前状态（${status}）不能${change} / A sanction ${status} on that day cannot be ${change}`),
  dateInFuture: (field: string, date: string, today: string) =>
    new ServiceError('DATE_IN_FUTURE', 422, `${field} ${date} 晚于今天（${today}） / ${field} ${date} is after today (${today})`),
  decisionBeforeNotice: (date: string, notifiedOn: string) =>
    new ServiceError('DECISION_DATE_BEFORE_NOTICE', 422, `决定日期 ${date} 早于告知日期 ${notifiedOn} / The decision cannot precede the notice of ${notifiedOn}`),
  trackingNotFound: () => new ServiceError('TRACKING_EVALUATION_NOT_FOUND', 404, '跟踪评价不存在 / No such tracking evaluation'),
  trackingYearOutOfRange: (year: number, from: number, to: number) =>
    new ServiceError('TRACKING_YEAR_OUT_OF_RANGE', 422, `评价年度 ${year} 须在 ${from} 至 ${to} 之间 / The year evaluated must be from ${from} to ${to}`, undefined, [
      { field: 'year', message: `须在 ${from} 至 ${to} 之间 / from ${from} to ${to}`, rule: 'range' },
    ]),
  trackingDueTooSoon: (earliest: string) =>
    new ServiceError('TRACKING_DUE_TOO_SOON', 422, `报送截止日期不得早于 ${earliest} / The report cannot be due before ${earliest}`, 'M12.2: at least seven days to report', [
      { field: 'dueOn', message: `不得早于 ${earliest} / not before ${earliest}`, rule: 'minDate' },
    ]),
  trackingRecognitionNotValid: (status: string) =>
    new ServiceError('RECOGNITION_NOT_TRACKABLE', 409, `该认定当前不在有效期内（${status}），无需跟踪评价 / A recognition ${status} is not evaluated`),
  trackingAlreadyRequested: (year: number) =>
    new ServiceError('TRACKING_EVALUATION_EXISTS', 409, `该产品 ${year} 年度的跟踪评价已发起 / The ${year} evaluation of this product was already requested`),
  trackingStatus: (status: string, wanted: string) =>
    new ServiceError('TRACKING_EVALUATION_STATUS', 409, `跟踪评价当前状态（${status}）不允许此操作 / Not possible while the evaluation is ${status}`, `needs ${wanted}`),
  trackingReportTooLate: (dueOn: string) =>
    new ServiceError('TRACKING_REPORT_TOO_LATE', 422, `报送截止日期 ${dueOn} 已过 / The report was due by ${dueOn}`),
  trackingAwaitingReport: (dueOn: string) =>
    new ServiceError('TRACKING_REPORT_PENDING', 422, `企业报送期限至 ${dueOn}，期满前不能在无报告的情况下作出结论 / The enterprise may report until ${dueOn}; no conclusion without its report before then`),
  trackingAttachmentsFull: (max: number) =>
    new ServiceError('TRACKING_ATTACHMENTS_FULL', 422, `跟踪评价报告最多 ${max} 个附件 / At most ${max} files per tracking report`),
  trackingFileNotFound: () => new ServiceError('TRACKING_FILE_NOT_FOUND', 404, '未找到该文件 / No such file'),
  trackingFindingNotSerious: () =>
    new ServiceError('TRACKING_FINDING_NOT_SERIOUS', 422, '只有结论为"存在严重问题"的跟踪评价可以立案 / Only an evaluation concluded with a serious problem opens a case', 'M12.2', [
      { field: 'trackingEvaluationId', message: '须为结论为存在严重问题的跟踪评价 / must be concluded with a serious problem', rule: 'seriousFinding' },
    ]),
  trackingSubjectMismatch: () =>
    new ServiceError('TRACKING_SUBJECT_MISMATCH', 422, '立案对象须为该跟踪评价的认定产品 / The case must name the evaluated recognition', undefined, [
      { field: 'subjectId', message: '须为该跟踪评价的认定产品 / must be the evaluated recognition', rule: 'sameRecognition' },
    ]),
};
