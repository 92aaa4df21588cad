import { ServiceError } from '@firstset/messaging';

/** Intake's refusals, with stable codes the gateway maps to problem details. */
export const IntakeErrors = {
  reviewerWorkSuspended: (from: string, caseNo: string) =>
    new ServiceError(
      'REVIEWER_WORK_SUSPENDED',
      422,
      `自 ${from} 起暂停认定评审工作，待违规处理案件 ${caseNo} 作出决定，暂不能查阅申报材料 / Review work suspended from ${from} until compliance case ${caseNo} is decided: the application's materials are closed meanwhile`,
      'M11.1',
    ),
  deadlineBeforeWindowCloses: () =>
    new ServiceError(
      'PREFECTURE_DEADLINE_TOO_EARLY',
      422,
      '盟市报送截止日期不得早于申报截止日期 / The prefectures\' deadline cannot precede the window\'s close',
    ),
  batchNotFound: () => new ServiceError('BATCH_NOT_FOUND', 404, '申报批次不存在 / No such batch'),
  windowNotOpen: (opensAt: Date) =>
    new ServiceError(
      'APPLICATION_WINDOW_NOT_OPEN',
      422,
      `申报尚未开始，开始时间为 ${opensAt.toISOString()} / The application window opens at ${opensAt.toISOString()}`,
    ),
  windowClosed: (closedAt: Date) =>
    new ServiceError(
      'APPLICATION_WINDOW_CLOSED',
      422,
      `申报已截止，截止时间为 ${closedAt.toISOString()} / The application window closed at ${closedAt.toISOString()}`,
    ),
  enterpriseNotRegistered: () =>
    new ServiceError('ENTERPRISE_NOT_REGISTERED', 422, '请先完善企业信息 / Register the enterprise profile first'),
  notInRegion: (division: string) =>
    new ServiceError(
      'NOT_REGISTERED_IN_REGION',
      422,
      '申请单位须在自治区境内注册 / The applicant must be registered in Inner Mongolia',
      `address division ${division} is outside the region (M5.1)`,
    ),
  notLegalPerson: () =>
    new ServiceError(
      'NOT_INDEPENDENT_LEGAL_PERSON',
      422,
      '个体工商户、农民专业合作社不具有独立法人资格 / Sole traders and cooperatives are not independent legal persons',
      'M5.1 requires an independent legal person',
    ),
  concurrentChange: () =>
    new ServiceError('CONCURRENT_CHANGE', 409, '申请已被同时修改，请刷新后重试 / The application changed meanwhile; reload and retry'),
  unsupportedFileType: (type: string) =>
    new ServiceError('UNSUPPORTED_FILE_TYPE', 415, '不支持的文件类型 / File type not accepted', `type ${type}`),
  duplicateProduct: () =>
    new ServiceError(
      'DUPLICATE_APPLICATION',
      409,
      '同一产品（系列与型号）在本批次已有申请 / This product already has an application in this batch',
    ),
  applicantBanned: (endsOn: string, reason: string) =>
    new ServiceError(
      'APPLICANT_BANNED',
      403,
      `申请单位在禁止申请期内，至 ${endsOn} 止 / The applicant is banned from applying until ${endsOn}`,
      `M10.2: ${reason}`,
    ),
  staleRevision: (current: number) =>
    new ServiceError(
      'STALE_REVISION',
      409,
      '草稿已在别处保存过，请刷新后再修改 / The draft was saved elsewhere meanwhile; reload and retry',
      `current revision is ${current}`,
    ),
  notEditable: (state: string) =>
    new ServiceError(
      'APPLICATION_NOT_EDITABLE',
      409,
      '仅草稿或退回补正的申请可以修改 / Only a draft or an application returned for correction can be changed',
      `state ${state}`,
    ),
  correctionDeadlinePassed: (deadline: string) =>
    new ServiceError(
      'CORRECTION_DEADLINE_PASSED',
      422,
      `补正期限已过（${deadline}） / The correction deadline (${deadline}) has passed`,
      `M7.3: resubmission was possible until ${deadline} (China Standard Time, inclusive)`,
    ),
  blockingProblems: (problems: Array<{ code: string; field?: string; slotId?: string; measuresId: string; message: string; messageEn: string }>) =>
    new ServiceError(
      'PRE_SUBMISSION_CHECK_FAILED',
      422,
      '申报存在须先解决的问题 / The application has problems to resolve before submission',
      problems.map((p) => `${p.measuresId} ${p.code}`).join('; '),
      problems.map((p) => ({ field: p.field ?? (p.slotId ? `materials.${p.slotId}` : p.measuresId), message: `${p.measuresId} ${p.message} / ${p.messageEn}` })),
    ),
  pledgeOutdated: (current: string) =>
    new ServiceError(
      'PLEDGE_VERSION_OUTDATED',
      422,
      '诚信承诺版本不是现行版本，请阅读现行承诺后重新提交 / The truthfulness pledge signed is not the current one; read the current pledge and submit again',
      `M10.1: the current pledge is ${current}`,
      [{ field: 'pledgeVersion', message: `M10.1 现行诚信承诺版本为 ${current} / The current pledge is ${current}` }],
    ),
  windowChangeInvalid: (detailZh: string, detailEn: string) =>
    new ServiceError('BATCH_WINDOW_CHANGE_INVALID', 422, `${detailZh} / ${detailEn}`),
  notUnderCorrection: (state: string) =>
    new ServiceError(
      'NOT_UNDER_CORRECTION',
      409,
      '只有退回补正的申请需要答复补正要求 / Only an application returned for correction takes correction answers',
      `state ${state}`,
    ),
  /** Answers that name no item of the return, or one item twice: each at its own field. */
  badCorrectionAnswers: (fields: Array<{ index: number; duplicate: boolean }>) =>
    new ServiceError(
      'VALIDATION_FAILED',
      400,
      '请求内容有误 / The request is invalid',
      undefined,
      fields.map(({ index, duplicate }) => ({
        field: `correctionAnswers.${index}.item`,
        message: duplicate ? '同一补正项目只能答复一次 / The item is answered twice' : '不是本次补正要求中的项目 / Not an item of this return',
      })),
    ),
  /** A counterparty on a right the enterprise owns itself (or has none): only an assigned or licensed right has one (M5.3). */
  ipCounterpartyNotApplicable: (index: number) =>
    new ServiceError(
      'IP_COUNTERPARTY_NOT_APPLICABLE',
      422,
      '仅受让取得的知识产权填写转让方或许可方 / Only an assigned or licensed right names its assignor or licensor',
      'M5.3',
      [{ field: `ipList.${index}.counterparty`, message: 'M5.3 自有知识产权不填写转让方或许可方 / An owned right names no counterparty' }],
    ),
  /** The counterparty's code fails GB 32100 (length, alphabet, division code). */
  ipCounterpartyUsccInvalid: (index: number, detailZh: string, detailEn: string) =>
    new ServiceError(
      'IP_COUNTERPARTY_USCC_INVALID',
      422,
      '转让方或许可方的统一社会信用代码无效 / The assignor\'s or licensor\'s unified social credit code is invalid',
      `M5.3: ${detailEn}`,
      [{ field: `ipList.${index}.counterparty.uscc`, message: `${detailZh} / ${detailEn}` }],
    ),
  nullField: (field: string) =>
    new ServiceError('VALIDATION_FAILED', 400, '请求内容有误 / The request is invalid', undefined, [
      { field, message: '不能清空 / cannot be cleared', rule: 'notNull' },
    ]),
};
