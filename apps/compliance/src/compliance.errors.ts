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
};
