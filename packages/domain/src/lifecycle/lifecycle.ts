import { DomainError } from '../shared/errors';
import {
  ACTION_LABELS,
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  ApplicationAction,
  ApplicationState,
  ROLES,
  ROLE_LABELS,
  Role,
  STATE_LABELS,
} from './vocabulary';

/** Facts a service establishes before a transition; each guard names the fact it needs. */
export const GUARD_FACTS = [
  'applicationWindowOpen',
  'applicantNotBanned',
  'requiredMaterialsAttached',
  'correctionDeadlineNotPassed',
  'correctionDeadlinePassed',
  'preliminaryChecksPassed',
  'institutionCommissioned',
  'institutionNotBanned',
  'onSiteReportRecorded',
  'allExpertOpinionsRecorded',
  'publicityPeriodComputed',
  'withinPublicityPeriod',
  'allObjectionsResolved',
  'publicityPeriodEnded',
  'noOpenObjection',
  'validityEnded',
  'improperMeansEstablished',
] as const;
export type GuardFact = (typeof GUARD_FACTS)[number];

export interface TransitionGuard {
  fact: GuardFact;
  descriptionZh: string;
  descriptionEn: string;
  measuresIds: readonly string[];
}

export interface LifecycleTransition {
  from: ApplicationState;
  action: ApplicationAction;
  to: ApplicationState;
  roles: readonly Role[];
  /** Human description of all guards (English); empty string when none. */
  guard: string;
  guardZh: string;
  guards: readonly TransitionGuard[];
  measuresIds: readonly string[];
  /** A reason must be recorded (shown to the applicant and kept in the audit log). */
  reasonRequired: boolean;
}

const G: Record<GuardFact, Omit<TransitionGuard, 'fact'>> = {
  applicationWindowOpen: {
    descriptionZh: '年度申报批次处于申报时间窗口内',
    descriptionEn: 'the annual batch application window is open',
    measuresIds: ['M7.1'],
  },
  applicantNotBanned: {
    descriptionZh: '申请单位不在三年禁止申请期内',
    descriptionEn: 'the applicant is not under an application ban',
    measuresIds: ['M10.2'],
  },
  requiredMaterialsAttached: {
    descriptionZh: '必需申请材料均已上传',
    descriptionEn: 'every required material is attached',
    measuresIds: ['M7.4'],
  },
  correctionDeadlineNotPassed: {
    descriptionZh: '补正期限未届满',
    descriptionEn: 'the correction deadline has not passed',
    measuresIds: ['M7.3'],
  },
  correctionDeadlinePassed: {
    descriptionZh: '补正期限已届满且未补正',
    descriptionEn: 'the correction deadline passed without a correction',
    measuresIds: ['M7.3'],
  },
  preliminaryChecksPassed: {
    descriptionZh: '初审核查通过（申请条件、排除情形、材料真实完整）',
    descriptionEn: 'preliminary checks passed (eligibility, exclusions, materials true and complete)',
    measuresIds: [
      'M5.1',
      'M5.2',
      'M5.3',
      'M5.4',
      'M5.5',
      'M5.6',
      'M6.1',
      'M6.2',
      'M6.3',
      'M6.4',
      'M6.5',
      'M12.1',
    ],
  },
  institutionCommissioned: {
    descriptionZh: '已委托第三方机构',
    descriptionEn: 'a third-party institution is commissioned',
    measuresIds: ['M8.1'],
  },
  institutionNotBanned: {
    descriptionZh: '第三方机构不在三年禁止参与期内',
    descriptionEn: 'the institution is not under a participation ban',
    measuresIds: ['M10.3'],
  },
  onSiteReportRecorded: {
    descriptionZh: '现场核查结果已记录',
    descriptionEn: 'the on-site verification result is recorded',
    measuresIds: ['M8.2'],
  },
  allExpertOpinionsRecorded: {
    descriptionZh: '专家评审意见均已提交',
    descriptionEn: 'every assigned expert opinion is recorded',
    measuresIds: ['M8.1', 'M11.1'],
  },
  publicityPeriodComputed: {
    descriptionZh: '公示起止日期已按已确认的工作日历计算',
    descriptionEn: 'publicity start and end dates computed on a confirmed working-day calendar',
    measuresIds: ['M9.2'],
  },
  withinPublicityPeriod: {
    descriptionZh: '在公示期内',
    descriptionEn: 'within the publicity period',
    measuresIds: ['M9.2'],
  },
  allObjectionsResolved: {
    descriptionZh: '所有异议均已核查办结',
    descriptionEn: 'every objection is resolved',
    measuresIds: ['M9.3'],
  },
  publicityPeriodEnded: {
    descriptionZh: '公示期已满',
    descriptionEn: 'the publicity period has ended',
    measuresIds: ['M9.2', 'M9.3'],
  },
  noOpenObjection: {
    descriptionZh: '无未办结异议',
    descriptionEn: 'no objection is open',
    measuresIds: ['M9.3'],
  },
  validityEnded: {
    descriptionZh: '认定有效期已届满',
    descriptionEn: 'the validity period has ended',
    measuresIds: ['M13.2'],
  },
  improperMeansEstablished: {
    descriptionZh: '经查实以非正当手段骗取认定',
    descriptionEn: 'recognition by improper means is established',
    measuresIds: ['M10.1', 'M10.2'],
  },
};

interface Spec {
  from: ApplicationState[];
  action: ApplicationAction;
  to: ApplicationState;
  roles: Role[];
  guards?: GuardFact[];
  measuresIds: string[];
  reasonRequired?: boolean;
}

const S = ApplicationState;
// Applying is voluntary (M7.1): the applicant may withdraw until the Department decides the list.
const WITHDRAWABLE = [
  S.SUBMITTED,
  S.RETURNED_FOR_CORRECTION,
  S.RESUBMITTED,
  S.RECOMMENDED,
  S.UNDER_COMPREHENSIVE_REVIEW,
  S.ON_SITE_VERIFICATION,
  S.REVIEWED,
];

const SPECS: Spec[] = [
  {
    from: [S.DRAFT],
    action: 'submit',
    to: S.SUBMITTED,
    roles: ['enterprise'],
    guards: ['applicationWindowOpen', 'applicantNotBanned', 'requiredMaterialsAttached'],
    measuresIds: ['M7.1', 'M7.2', 'M7.4', 'M10.1', 'M10.2'],
  },
  // The system withdraws them too when a ban on applying takes effect (M10.2, ADR 0026).
  { from: WITHDRAWABLE, action: 'withdraw', to: S.WITHDRAWN, roles: ['enterprise', 'system'], measuresIds: ['M7.1', 'M10.2'] },
  {
    from: [S.SUBMITTED, S.RESUBMITTED],
    action: 'returnForCorrection',
    to: S.RETURNED_FOR_CORRECTION,
    roles: ['prefecture_officer'],
    measuresIds: ['M7.3', 'M12.1'],
    reasonRequired: true,
  },
  {
    from: [S.RETURNED_FOR_CORRECTION],
    action: 'resubmit',
    to: S.RESUBMITTED,
    roles: ['enterprise'],
    guards: ['correctionDeadlineNotPassed', 'requiredMaterialsAttached'],
    measuresIds: ['M7.3', 'M7.4', 'M10.1'],
  },
  {
    from: [S.SUBMITTED, S.RESUBMITTED],
    action: 'rejectAtPreliminaryReview',
    to: S.REJECTED_AT_PRELIMINARY_REVIEW,
    roles: ['prefecture_officer'],
    measuresIds: ['M7.3', 'M12.1'],
    reasonRequired: true,
  },
  {
    from: [S.RETURNED_FOR_CORRECTION],
    action: 'rejectAtPreliminaryReview',
    to: S.REJECTED_AT_PRELIMINARY_REVIEW,
    roles: ['prefecture_officer'],
    guards: ['correctionDeadlinePassed'],
    measuresIds: ['M7.3'],
    reasonRequired: true,
  },
  {
    from: [S.SUBMITTED, S.RESUBMITTED],
    action: 'recommend',
    to: S.RECOMMENDED,
    roles: ['prefecture_officer'],
    guards: ['preliminaryChecksPassed'],
    measuresIds: ['M3.2', 'M7.3', 'M12.1'],
  },
  {
    from: [S.RECOMMENDED],
    action: 'startComprehensiveReview',
    to: S.UNDER_COMPREHENSIVE_REVIEW,
    roles: ['department_officer', 'institution_staff'],
    guards: ['institutionCommissioned', 'institutionNotBanned'],
    measuresIds: ['M3.1', 'M8.1', 'M10.3'],
  },
  {
    from: [S.UNDER_COMPREHENSIVE_REVIEW],
    action: 'requestOnSiteVerification',
    to: S.ON_SITE_VERIFICATION,
    roles: ['department_officer', 'institution_staff'],
    measuresIds: ['M8.2'],
    reasonRequired: true,
  },
  {
    from: [S.ON_SITE_VERIFICATION],
    action: 'completeOnSiteVerification',
    to: S.UNDER_COMPREHENSIVE_REVIEW,
    roles: ['institution_staff', 'expert'],
    guards: ['onSiteReportRecorded'],
    measuresIds: ['M8.2', 'M11.1'],
  },
  {
    from: [S.UNDER_COMPREHENSIVE_REVIEW],
    action: 'completeComprehensiveReview',
    to: S.REVIEWED,
    roles: ['institution_staff'],
    guards: ['allExpertOpinionsRecorded'],
    measuresIds: ['M8.1', 'M10.3'],
  },
  {
    from: [S.REVIEWED],
    action: 'placeOnDecisionList',
    to: S.ON_DECISION_LIST,
    roles: ['department_officer'],
    measuresIds: ['M9.1'],
  },
  {
    from: [S.REVIEWED, S.ON_DECISION_LIST],
    action: 'notSelect',
    to: S.NOT_SELECTED,
    roles: ['department_officer'],
    measuresIds: ['M9.1'],
    reasonRequired: true,
  },
  // A decided list not yet published may be withdrawn (ADR 0025): its entries are decided again.
  // A not selected candidate keeps its decision; the withdrawal is of the list.
  {
    from: [S.ON_DECISION_LIST],
    action: 'withdrawDecision',
    to: S.REVIEWED,
    roles: ['department_officer'],
    measuresIds: ['M9.1'],
    reasonRequired: true,
  },
  {
    from: [S.ON_DECISION_LIST],
    action: 'startPublicity',
    to: S.IN_PUBLICITY,
    roles: ['department_officer'],
    guards: ['publicityPeriodComputed'],
    measuresIds: ['M9.2'],
  },
  // The Measures do not say who may object; the expected practice is a named objection with
  // evidence, lodged online by anyone or recorded by the Department when received on paper.
  {
    from: [S.IN_PUBLICITY, S.OBJECTION_UNDER_INVESTIGATION],
    action: 'raiseObjection',
    to: S.OBJECTION_UNDER_INVESTIGATION,
    roles: ['public', 'enterprise', 'department_officer'],
    guards: ['withinPublicityPeriod'],
    measuresIds: ['M9.2', 'M9.3'],
    reasonRequired: true,
  },
  {
    from: [S.OBJECTION_UNDER_INVESTIGATION],
    action: 'upholdObjection',
    to: S.REMOVED_AFTER_OBJECTION,
    roles: ['department_officer'],
    measuresIds: ['M9.3'],
    reasonRequired: true,
  },
  {
    from: [S.OBJECTION_UNDER_INVESTIGATION],
    action: 'dismissObjection',
    to: S.IN_PUBLICITY,
    roles: ['department_officer'],
    guards: ['allObjectionsResolved'],
    measuresIds: ['M9.3'],
    reasonRequired: true,
  },
  {
    from: [S.IN_PUBLICITY],
    action: 'issueRecognitionDocument',
    to: S.RECOGNIZED,
    roles: ['department_officer'],
    guards: ['publicityPeriodEnded', 'noOpenObjection'],
    measuresIds: ['M9.3', 'M13.1', 'M13.2'],
  },
  {
    from: [S.RECOGNIZED],
    action: 'expire',
    to: S.EXPIRED,
    roles: ['system'],
    guards: ['validityEnded'],
    measuresIds: ['M13.1', 'M13.2'],
  },
  // Revocation has no time limit in M10.2: fraud found after expiry still revokes the conclusion.
  {
    from: [S.RECOGNIZED, S.EXPIRED],
    action: 'revoke',
    to: S.REVOKED,
    roles: ['department_officer'],
    guards: ['improperMeansEstablished'],
    measuresIds: ['M10.1', 'M10.2', 'M13.1'],
    reasonRequired: true,
  },
];

function describeGuards(guards: readonly TransitionGuard[], lang: 'zh' | 'en'): string {
  return guards
    .map((g) => (lang === 'zh' ? g.descriptionZh : g.descriptionEn))
    .join(lang === 'zh' ? '；' : '; ');
}

/** The lifecycle as data: one row per (from, action). Services, the UI and docs read this. */
export const LIFECYCLE: readonly LifecycleTransition[] = Object.freeze(
  SPECS.flatMap((s) =>
    s.from.map((from) => {
      const guards = (s.guards ?? []).map((fact) => ({ fact, ...G[fact] }));
      return Object.freeze({
        from,
        action: s.action,
        to: s.to,
        roles: Object.freeze([...s.roles]),
        guard: describeGuards(guards, 'en'),
        guardZh: describeGuards(guards, 'zh'),
        guards: Object.freeze(guards),
        measuresIds: Object.freeze([...s.measuresIds]),
        reasonRequired: s.reasonRequired ?? false,
      });
    }),
  ),
);

export const INITIAL_STATE: ApplicationState = S.DRAFT;
export const TERMINAL_STATES: readonly ApplicationState[] = APPLICATION_STATES.filter(
  (s) => !LIFECYCLE.some((t) => t.from === s),
);

export interface TransitionContext {
  /** Required when the transition's reasonRequired is true. */
  reason?: string;
  /** Facts the caller established; every guard of the transition needs its fact to be true. */
  facts?: Partial<Record<GuardFact, boolean>>;
}

export interface TransitionResult {
  to: ApplicationState;
  transition: LifecycleTransition;
}

const list = (actions: ApplicationAction[], lang: 'zh' | 'en') =>
  actions.length === 0
    ? lang === 'zh'
      ? '无'
      : 'none'
    : actions.map((a) => (lang === 'zh' ? ACTION_LABELS[a].zh : a)).join(lang === 'zh' ? '、' : ', ');

export class IllegalTransitionError extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION';
  readonly allowed: ApplicationAction[];
  constructor(from: ApplicationState, action: string, role: Role, allowed: ApplicationAction[]) {
    const actionZh = ACTION_LABELS[action as ApplicationAction]?.zh ?? action;
    super(
      `申请当前状态为「${STATE_LABELS[from].zh}」，${ROLE_LABELS[role].zh}不能执行「${actionZh}」。当前可执行的操作：${list(allowed, 'zh')}。`,
      `The application is "${STATE_LABELS[from].en}"; a ${ROLE_LABELS[role].en} cannot "${action}" it. Allowed from here: ${list(allowed, 'en')}.`,
      { from, action, role, allowed },
    );
    this.allowed = allowed;
  }
}

export class TransitionReasonRequiredError extends DomainError {
  readonly code = 'TRANSITION_REASON_REQUIRED';
  constructor(t: LifecycleTransition) {
    super(
      `「${ACTION_LABELS[t.action].zh}」必须填写理由（将告知申请单位并记入审计日志）。`,
      `"${t.action}" needs a reason (it is shown to the applicant and kept in the audit log).`,
      { from: t.from, action: t.action },
    );
  }
}

export class TransitionGuardFailedError extends DomainError {
  readonly code = 'TRANSITION_GUARD_FAILED';
  readonly failed: GuardFact[];
  constructor(t: LifecycleTransition, failed: TransitionGuard[]) {
    super(
      `暂不能「${ACTION_LABELS[t.action].zh}」，以下条件未满足：${failed.map((g) => `${g.descriptionZh}（${g.measuresIds.join('、')}）`).join('；')}。`,
      `Cannot "${t.action}" yet; not satisfied: ${failed.map((g) => `${g.descriptionEn} (${g.measuresIds.join(', ')})`).join('; ')}.`,
      { from: t.from, action: t.action, failed: failed.map((g) => g.fact) },
    );
    this.failed = failed.map((g) => g.fact);
  }
}

export class UnknownLifecycleValueError extends DomainError {
  readonly code = 'LIFECYCLE_VALUE_UNKNOWN';
  constructor(kind: 'state' | 'role', value: unknown) {
    const zh = kind === 'state' ? '申请状态' : '角色';
    super(`未知的${zh}「${String(value)}」。`, `Unknown ${kind} "${String(value)}".`, {
      kind,
      value: String(value),
    });
  }
}

function assertKnown(from: unknown, role: unknown): void {
  if (!APPLICATION_STATES.includes(from as ApplicationState))
    throw new UnknownLifecycleValueError('state', from);
  if (!ROLES.includes(role as Role)) throw new UnknownLifecycleValueError('role', role);
}

/** The actions `role` may take on an application in state `from` (guards not evaluated). */
export function allowedActions(from: ApplicationState, role: Role): ApplicationAction[] {
  assertKnown(from, role);
  return APPLICATION_ACTIONS.filter((a) =>
    LIFECYCLE.some((t) => t.from === from && t.action === a && t.roles.includes(role)),
  );
}

export function findTransition(
  from: ApplicationState,
  action: ApplicationAction,
): LifecycleTransition | undefined {
  return LIFECYCLE.find((t) => t.from === from && t.action === action);
}

/**
 * Moves an application: checks the role, the recorded reason and every guard fact. A guard whose
 * fact the caller did not supply fails: a service must establish the facts, never assume them.
 */
export function transition(
  from: ApplicationState,
  action: ApplicationAction,
  role: Role,
  context: TransitionContext = {},
): TransitionResult {
  assertKnown(from, role);
  const t = findTransition(from, action);
  if (!t || !t.roles.includes(role))
    throw new IllegalTransitionError(from, action, role, allowedActions(from, role));
  if (t.reasonRequired && !(context.reason ?? '').trim()) throw new TransitionReasonRequiredError(t);
  const failed = t.guards.filter((g) => context.facts?.[g.fact] !== true);
  if (failed.length > 0) throw new TransitionGuardFailedError(t, failed);
  return { to: t.to, transition: t };
}
