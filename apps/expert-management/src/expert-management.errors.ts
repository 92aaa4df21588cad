import { ServiceError } from '@firstset/messaging';

/** Expert management's refusals, with stable codes the gateway maps to problem details. */
export const ExpertManagementErrors = {
  noJurisdiction: (what: string) =>
    new ServiceError('NO_JURISDICTION', 403, `账号未绑定${what === 'institution' ? '第三方机构' : '专家'} / Account is not bound to an ${what}`),
  institutionBanned: (until: string) =>
    new ServiceError(
      'INSTITUTION_BANNED',
      422,
      `该第三方机构在禁止参与认定工作期内，至 ${until} 止 / The institution is banned from recognition work until ${until}`,
      'M10.3',
    ),
  commissionExists: () =>
    new ServiceError('COMMISSION_EXISTS', 409, '该批次已委托第三方机构 / This batch already has a commissioned institution', 'M8.1'),
  expertNotInInstitution: () =>
    new ServiceError('EXPERT_NOT_IN_INSTITUTION', 422, '该专家不属于本机构专家库 / The expert is not in your institution\'s pool'),
  expertDisqualified: (since: string) =>
    new ServiceError(
      'EXPERT_DISQUALIFIED',
      422,
      `该专家已于 ${since} 被取消评审资格 / The expert was disqualified on ${since}`,
      'M11.2',
    ),
  alreadyAssigned: () =>
    new ServiceError('ALREADY_ASSIGNED', 409, '该专家已分配至此申请 / The expert is already assigned to this application'),
  reviewNotInProgress: (state: string) =>
    new ServiceError(
      'REVIEW_NOT_IN_PROGRESS',
      409,
      '申请不在综合评审中 / The application is not under comprehensive review',
      `state ${state}`,
    ),
  undertakingRequired: () =>
    new ServiceError(
      'UNDERTAKING_REQUIRED',
      403,
      '请先接受评审任务并签署保密承诺 / Accept the assignment and its confidentiality undertaking first',
      'M11.1',
    ),
  alreadyScored: () =>
    new ServiceError('ALREADY_SCORED', 409, '您已提交对该申请的评审意见 / You have already scored this application'),
  opinionsMissing: (scored: number, assigned: number) =>
    new ServiceError(
      'OPINIONS_MISSING',
      422,
      '尚有分配的专家未提交评审意见 / Not every assigned expert has scored the application',
      assigned === 0 ? 'no expert is assigned' : `${scored} of ${assigned} assigned experts have scored`,
    ),
  concurrentChange: () =>
    new ServiceError('CONCURRENT_CHANGE', 409, '申请已被同时处理，请刷新后重试 / The application changed meanwhile; reload and retry'),
  // Institutions and commissions (M8.1, M10.3)
  usccInvalid: (detail: string) =>
    new ServiceError('USCC_INVALID', 422, '统一社会信用代码无效 / The unified social credit code is invalid', detail),
  usccTaken: (name: string) =>
    new ServiceError('USCC_TAKEN', 409, `该统一社会信用代码已登记为「${name}」 / This USCC is already registered`, 'M8.1'),
  staleVersion: (current: number) =>
    new ServiceError('STALE_VERSION', 409, '记录已被他人修改，请刷新后重试 / The record changed meanwhile; reload and retry', `current version ${current}`),
  scopeOverlap: (commissionId: string, institutionName: string) =>
    new ServiceError(
      'SCOPE_OVERLAP',
      409,
      `委托范围与「${institutionName}」的现有委托重叠 / The scope overlaps an open commission of ${institutionName}`,
      `M8.1: overlaps commission ${commissionId}`,
    ),
  commissionEnded: () =>
    new ServiceError('COMMISSION_ENDED', 409, '该委托已终止 / The commission has already ended', 'M8.1'),
  sameInstitution: () =>
    new ServiceError('REPLACEMENT_SAME_INSTITUTION', 422, '接续委托须为另一家第三方机构 / The replacement must be another institution', 'M8.1'),
};
