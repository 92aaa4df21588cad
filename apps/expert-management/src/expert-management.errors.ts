import { type FieldError, ServiceError } from '@firstset/messaging';

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
  institutionWorkSuspended: (from: string, caseNo: string) =>
    new ServiceError(
      'INSTITUTION_WORK_SUSPENDED',
      422,
      `该第三方机构自 ${from} 起暂停认定工作，待违规处理案件 ${caseNo} 作出决定 / The institution's work is suspended from ${from} until compliance case ${caseNo} is decided`,
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
  expertWorkSuspended: (from: string, caseNo: string) =>
    new ServiceError(
      'EXPERT_WORK_SUSPENDED',
      422,
      `该专家自 ${from} 起暂停评审工作，待违规处理案件 ${caseNo} 作出决定 / The expert's review work is suspended from ${from} until compliance case ${caseNo} is decided`,
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
      assigned === 0 ? 'no active expert is assigned' : `${scored} of ${assigned} active assigned experts have scored`,
    ),
  undertakingOutdated: (current: string) =>
    new ServiceError(
      'UNDERTAKING_VERSION_OUTDATED',
      409,
      '保密与回避承诺版本不是现行版本，请阅读现行承诺后重新签署 / The undertaking signed is not the current one; read the current undertaking and sign again',
      `M11.1: the current undertaking is ${current}`,
      [{ field: 'undertakingVersion', message: `M11.1 现行承诺版本为 ${current} / The current undertaking is ${current}` }],
    ),
  recusalAfterScoring: () =>
    new ServiceError(
      'RECUSAL_AFTER_SCORING',
      409,
      '已提交评分后不能回避 / An expert cannot recuse after scoring',
      'M11.1: recusal is open until the scores are in',
    ),
  rubricInvalid: (errors: FieldError[]) =>
    new ServiceError(
      'RUBRIC_SCORES_INVALID',
      422,
      '评分须覆盖评分细则的每一项，分值为该项量程内的整数，并附评语 / Score every rubric criterion with a whole number on its scale and a comment',
      'M8.1',
      errors,
    ),
  notDivergent: (spread: number | null, threshold: number) =>
    new ServiceError(
      'SCORES_NOT_DIVERGENT',
      422,
      '专家评分分歧未超过阈值，无需召开合议 / The experts\' scores do not diverge beyond the threshold',
      `M8.1: spread ${spread ?? 'n/a'}, threshold ${threshold}`,
    ),
  consensusRoundOpen: () =>
    new ServiceError(
      'CONSENSUS_ROUND_OPEN',
      409,
      '合议尚未结束 / A consensus round is open on this application',
      'M8.1: conclude the round first',
    ),
  noOpenConsensusRound: () =>
    new ServiceError('NO_OPEN_CONSENSUS_ROUND', 409, '该申请没有进行中的合议 / No consensus round is open on this application', 'M8.1'),
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
  expertConflicted: (reasons: string[]) =>
    new ServiceError('EXPERT_CONFLICTED', 422, '该专家与申报存在利益冲突，应当回避 / The expert has a conflict of interest with the application', `M11.1: ${reasons.join('；')}`),
  expertUnavailable: () =>
    new ServiceError('EXPERT_UNAVAILABLE', 422, '该专家当前不可接受评审任务 / The expert is not available for assignments'),
  expertAtMaxLoad: (max: number) =>
    new ServiceError('EXPERT_AT_MAX_LOAD', 422, `该专家本批评审任务已达上限 ${max} 件 / The expert already reviews ${max} applications in this batch`, 'M8.1'),
  expertOnPanel: () =>
    new ServiceError('EXPERT_ON_PANEL', 409, '该专家已在此申请的评审组中 / The expert is already on this application\'s panel'),
  expertEndedOnCase: () =>
    new ServiceError('EXPERT_ENDED_ON_CASE', 422, '该专家已对此申请回避或被排除，不能再次分配 / The expert recused from or was excluded on this application', 'M11.1'),
  panelRunConfirmed: () =>
    new ServiceError('PANEL_RUN_CONFIRMED', 409, '该评审组方案已确认 / This panel proposal was already confirmed'),
  panelRunStale: (detail: string) =>
    new ServiceError('PANEL_RUN_STALE', 409, '评审组方案已过期，请重新生成 / The panel proposal is out of date; propose again', detail),
  panelSeatMissing: () =>
    new ServiceError('PANEL_SEAT_MISSING', 422, '方案中没有该席位 / The proposal has no such seat'),
  panelFull: () =>
    new ServiceError('PANEL_FULL', 422, '该申请的评审组已满 / The application\'s panel is full'),
  panelProfilesMixed: (profiles: string[]) =>
    new ServiceError(
      'PANEL_PROFILES_MIXED',
      422,
      `这些申请适用不同的政策配置（${profiles.join('、')}），请逐项配置评审组 / These applications fall under different policy profiles (${profiles.join(', ')}): propose their panels one by one`,
      'M15',
    ),
  identityInvalid: (zh: string, en: string) =>
    new ServiceError('IDENTITY_INVALID', 422, `证件号码无效：${zh} / The identity number is invalid: ${en}`, 'M11.1', [
      { field: 'identityNumber', message: `${zh} / ${en}`, rule: 'identity' },
    ]),
  duplicateIdentity: (name: string) =>
    new ServiceError('DUPLICATE_IDENTITY', 409, `本机构专家库已有该证件号码的专家（${name}） / An expert with this identity number is already in the pool (${name})`, 'M11.1', [
      { field: 'identityNumber', message: '证件号码重复 / duplicate identity number', rule: 'unique' },
    ]),
  datesInvalid: (field: string, zh: string, en: string) =>
    new ServiceError('DATES_INVALID', 422, `${zh} / ${en}`, undefined, [{ field, message: `${zh} / ${en}`, rule: 'dates' }]),
  expertChanged: () =>
    new ServiceError('CONCURRENT_CHANGE', 409, '该专家信息已被他人修改，请刷新后重试 / The expert changed meanwhile; reload and retry'),
  accountAlreadyIssued: (username: string) =>
    new ServiceError('ACCOUNT_ALREADY_ISSUED', 409, `该专家已有登录账号 ${username} / The expert already has the account ${username}`),
  conflictKindNotRecordable: (kind: string) =>
    new ServiceError('CONFLICT_KIND_INVALID', 422, '只能固定检测到的利益冲突或代专家申报 / Only a detected conflict can be pinned, or a declared one recorded', `kind ${kind}`, [
      { field: 'kind', message: '冲突类型无效 / invalid conflict kind', rule: 'conflict' },
    ]),
  // On-site verification (M8.2)
  siteVisitDatePast: (today: string) =>
    new ServiceError('SITE_VISIT_DATE_PAST', 422, `核查日期不能早于今天（${today}） / The visit cannot be dated before today (${today})`, 'M8.2', [
      { field: 'visitOn', message: `不能早于 ${today} / not before ${today}`, rule: 'dates' },
    ]),
  siteVisitMemberNotOnPanel: (expertIds: string[]) =>
    new ServiceError('SITE_VISIT_MEMBER_NOT_ON_PANEL', 422, '核查组成员须为该申请评审组的专家 / Visiting experts must be on the application\'s panel', `M8.2: not on the panel: ${expertIds.join(', ')}`, [
      { field: 'memberExpertIds', message: '含评审组以外的专家 / includes an expert not on the panel', rule: 'panel' },
    ]),
  siteVisitNotScheduled: (status: string) =>
    new ServiceError('SITE_VISIT_NOT_SCHEDULED', 409, '该现场核查不在待核查状态 / The visit is no longer scheduled', `M8.2: status ${status}`),
  siteVisitNotConcluded: () =>
    new ServiceError('SITE_VISIT_NOT_CONCLUDED', 409, '现场核查尚未作出结论，暂不能答复 / The visit has not been concluded yet', 'M8.2'),
  siteVisitNoFindings: () =>
    new ServiceError('SITE_VISIT_NO_FINDINGS', 422, '请先记录至少一项核查情况 / Record at least one finding first', 'M8.2'),
  siteFindingAnswered: () =>
    new ServiceError('SITE_FINDING_ANSWERED', 409, '该核查事项已答复 / This finding has already been answered', 'M8.2'),
  siteEvidenceFull: (max: number) =>
    new ServiceError('SITE_EVIDENCE_FULL', 422, `每项核查情况最多上传 ${max} 个文件 / At most ${max} files per finding`, 'M8.2'),
  // The institution's comprehensive review reports (M8.1, M9.1)
  reportSignedOff: () =>
    new ServiceError('REPORT_SIGNED_OFF', 409, '评审报告已签发，不能再修改 / The report is signed off and can no longer change', 'M9.1'),
  reportStale: (current: number) =>
    new ServiceError('REPORT_STALE', 409, '评审报告已被他人修改，请刷新后重试 / The report changed meanwhile; reload and retry', `current version ${current}`),
  reasonsRequired: () =>
    new ServiceError('REPORT_REASONS_REQUIRED', 422, '请先保存推荐结论并填写理由 / Save a recommendation with its reasons first', 'M9.1', [
      { field: 'reasons', message: '请填写推荐或不推荐的理由 / The reasons are required', rule: 'required' },
    ]),
  siteVisitPending: () =>
    new ServiceError('SITE_VISIT_PENDING', 409, '尚有未完成的现场核查 / A site visit is still scheduled', 'M8.2: conclude or cancel the visit first'),
  recommendationContradictsVisit: () =>
    new ServiceError(
      'RECOMMENDATION_CONTRADICTS_VISIT',
      422,
      '现场核查结论为不属实，不能建议认定 / A site visit did not confirm the claims: the report cannot recommend',
      'M8.2, M9.1',
      [{ field: 'recommendation', message: '现场核查不属实 / a site visit was not confirmed', rule: 'site-visit' }],
    ),
  caseReportsMissing: (missing: number) =>
    new ServiceError('CASE_REPORTS_MISSING', 422, '尚有申报的评审报告未签发 / Not every case of the batch has a signed-off report', `M9.1: ${missing} without a signed-off report`),
};
