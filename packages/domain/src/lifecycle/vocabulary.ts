/** States of an application, from draft to the end of its recognition. */
export const ApplicationState = {
  DRAFT: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  RETURNED_FOR_CORRECTION: 'RETURNED_FOR_CORRECTION',
  RESUBMITTED: 'RESUBMITTED',
  WITHDRAWN: 'WITHDRAWN',
  REJECTED_AT_PRELIMINARY_REVIEW: 'REJECTED_AT_PRELIMINARY_REVIEW',
  RECOMMENDED: 'RECOMMENDED',
  UNDER_COMPREHENSIVE_REVIEW: 'UNDER_COMPREHENSIVE_REVIEW',
  ON_SITE_VERIFICATION: 'ON_SITE_VERIFICATION',
  REVIEWED: 'REVIEWED',
  NOT_SELECTED: 'NOT_SELECTED',
  ON_DECISION_LIST: 'ON_DECISION_LIST',
  IN_PUBLICITY: 'IN_PUBLICITY',
  OBJECTION_UNDER_INVESTIGATION: 'OBJECTION_UNDER_INVESTIGATION',
  REMOVED_AFTER_OBJECTION: 'REMOVED_AFTER_OBJECTION',
  RECOGNIZED: 'RECOGNIZED',
  EXPIRED: 'EXPIRED',
  REVOKED: 'REVOKED',
} as const;
export type ApplicationState = (typeof ApplicationState)[keyof typeof ApplicationState];
export const APPLICATION_STATES = Object.values(ApplicationState) as ApplicationState[];

export const ROLES = [
  'enterprise',
  'prefecture_officer',
  'department_officer',
  'institution_staff',
  'expert',
  'auditor',
  'public',
  'system',
] as const;
export type Role = (typeof ROLES)[number];

export const ApplicationAction = {
  submit: 'submit',
  withdraw: 'withdraw',
  returnForCorrection: 'returnForCorrection',
  resubmit: 'resubmit',
  rejectAtPreliminaryReview: 'rejectAtPreliminaryReview',
  recommend: 'recommend',
  startComprehensiveReview: 'startComprehensiveReview',
  requestOnSiteVerification: 'requestOnSiteVerification',
  completeOnSiteVerification: 'completeOnSiteVerification',
  completeComprehensiveReview: 'completeComprehensiveReview',
  placeOnDecisionList: 'placeOnDecisionList',
  notSelect: 'notSelect',
  withdrawDecision: 'withdrawDecision',
  startPublicity: 'startPublicity',
  raiseObjection: 'raiseObjection',
  upholdObjection: 'upholdObjection',
  dismissObjection: 'dismissObjection',
  issueRecognitionDocument: 'issueRecognitionDocument',
  expire: 'expire',
  revoke: 'revoke',
} as const;
export type ApplicationAction = (typeof ApplicationAction)[keyof typeof ApplicationAction];
export const APPLICATION_ACTIONS = Object.values(ApplicationAction) as ApplicationAction[];

export interface Label {
  zh: string;
  en: string;
}

export const STATE_LABELS: Record<ApplicationState, Label> = {
  DRAFT: { zh: '草稿', en: 'Draft' },
  SUBMITTED: { zh: '已提交', en: 'Submitted' },
  RETURNED_FOR_CORRECTION: { zh: '退回补正', en: 'Returned for correction' },
  RESUBMITTED: { zh: '补正后重新提交', en: 'Resubmitted' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn' },
  REJECTED_AT_PRELIMINARY_REVIEW: { zh: '初审未通过', en: 'Rejected at preliminary review' },
  RECOMMENDED: { zh: '已推荐', en: 'Recommended' },
  UNDER_COMPREHENSIVE_REVIEW: { zh: '综合评审中', en: 'Under comprehensive review' },
  ON_SITE_VERIFICATION: { zh: '现场核查中', en: 'On-site verification' },
  REVIEWED: { zh: '评审完成', en: 'Reviewed' },
  NOT_SELECTED: { zh: '未列入认定名单', en: 'Not selected' },
  ON_DECISION_LIST: { zh: '列入认定名单', en: 'On the decision list' },
  IN_PUBLICITY: { zh: '公示中', en: 'In publicity' },
  OBJECTION_UNDER_INVESTIGATION: { zh: '异议核查中', en: 'Objection under investigation' },
  REMOVED_AFTER_OBJECTION: { zh: '异议成立，移出名单', en: 'Removed after an upheld objection' },
  RECOGNIZED: { zh: '已认定', en: 'Recognized' },
  EXPIRED: { zh: '已过有效期', en: 'Expired' },
  REVOKED: { zh: '已撤销认定', en: 'Revoked' },
};

export const ROLE_LABELS: Record<Role, Label> = {
  enterprise: { zh: '申请单位', en: 'enterprise' },
  prefecture_officer: { zh: '盟市工信部门', en: 'prefecture officer' },
  department_officer: { zh: '自治区工业和信息化厅', en: 'Department officer' },
  institution_staff: { zh: '第三方机构', en: 'third-party institution staff' },
  expert: { zh: '评审专家', en: 'expert' },
  auditor: { zh: '审计人员', en: 'auditor' },
  public: { zh: '社会公众', en: 'the public' },
  system: { zh: '系统', en: 'system' },
};

export const ACTION_LABELS: Record<ApplicationAction, Label> = {
  submit: { zh: '提交申请', en: 'submit' },
  withdraw: { zh: '撤回申请', en: 'withdraw' },
  returnForCorrection: { zh: '退回补正', en: 'return for correction' },
  resubmit: { zh: '补正后重新提交', en: 'resubmit' },
  rejectAtPreliminaryReview: { zh: '初审不予推荐', en: 'reject at preliminary review' },
  recommend: { zh: '初审推荐', en: 'recommend' },
  startComprehensiveReview: { zh: '开始综合评审', en: 'start comprehensive review' },
  requestOnSiteVerification: { zh: '组织现场核查', en: 'request on-site verification' },
  completeOnSiteVerification: { zh: '完成现场核查', en: 'complete on-site verification' },
  completeComprehensiveReview: { zh: '完成综合评审', en: 'complete comprehensive review' },
  placeOnDecisionList: { zh: '列入认定名单', en: 'place on the decision list' },
  notSelect: { zh: '不列入认定名单', en: 'not select' },
  withdrawDecision: { zh: '撤回认定名单', en: 'withdraw the decided list' },
  startPublicity: { zh: '开始公示', en: 'start publicity' },
  raiseObjection: { zh: '提出异议', en: 'raise an objection' },
  upholdObjection: { zh: '异议成立', en: 'uphold the objection' },
  dismissObjection: { zh: '异议不成立', en: 'dismiss the objection' },
  issueRecognitionDocument: { zh: '发布认定文件', en: 'issue the recognition document' },
  expire: { zh: '有效期届满', en: 'expire' },
  revoke: { zh: '撤销认定', en: 'revoke' },
};
