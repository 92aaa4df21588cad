import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GUARD_FACTS,
  GuardFact,
  IllegalTransitionError,
  LIFECYCLE,
  TERMINAL_STATES,
  TransitionGuardFailedError,
  TransitionReasonRequiredError,
  UnknownLifecycleValueError,
  allowedActions,
  findTransition,
  transition,
} from './lifecycle';
import { lifecycleMarkdown, lifecycleMermaid } from './lifecycle-mermaid';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  ApplicationAction,
  ApplicationState,
  ROLES,
  Role,
} from './vocabulary';

const ALL_FACTS = Object.fromEntries(GUARD_FACTS.map((f) => [f, true])) as Record<GuardFact, boolean>;
const ok = { reason: '测试理由', facts: ALL_FACTS };

describe('application lifecycle', () => {
  it('walks the happy path from draft to recognition, expiry and revocation', () => {
    const steps: Array<[ApplicationAction, Role, ApplicationState]> = [
      ['submit', 'enterprise', 'SUBMITTED'],
      ['returnForCorrection', 'prefecture_officer', 'RETURNED_FOR_CORRECTION'],
      ['resubmit', 'enterprise', 'RESUBMITTED'],
      ['recommend', 'prefecture_officer', 'RECOMMENDED'],
      ['startComprehensiveReview', 'institution_staff', 'UNDER_COMPREHENSIVE_REVIEW'],
      ['requestOnSiteVerification', 'department_officer', 'ON_SITE_VERIFICATION'],
      ['completeOnSiteVerification', 'expert', 'UNDER_COMPREHENSIVE_REVIEW'],
      ['completeComprehensiveReview', 'institution_staff', 'REVIEWED'],
      ['placeOnDecisionList', 'department_officer', 'ON_DECISION_LIST'],
      ['startPublicity', 'department_officer', 'IN_PUBLICITY'],
      ['raiseObjection', 'public', 'OBJECTION_UNDER_INVESTIGATION'],
      ['dismissObjection', 'department_officer', 'IN_PUBLICITY'],
      ['issueRecognitionDocument', 'department_officer', 'RECOGNIZED'],
      ['expire', 'system', 'EXPIRED'],
      ['revoke', 'department_officer', 'REVOKED'],
    ];
    let state: ApplicationState = 'DRAFT';
    for (const [action, role, to] of steps) {
      state = transition(state, action, role, ok).to;
      expect(state).toBe(to);
    }
  });

  it.each(LIFECYCLE.flatMap((t) => t.roles.map((role) => [t.from, t.action, role, t.to] as const)))(
    '%s --%s by %s--> %s is allowed with its facts and reason',
    (from, action, role, to) => {
      expect(transition(from, action, role, ok).to).toBe(to);
      expect(allowedActions(from, role)).toContain(action);
    },
  );

  const forbidden = APPLICATION_STATES.flatMap((from) =>
    APPLICATION_ACTIONS.flatMap((action) =>
      ROLES.filter(
        (role) => !LIFECYCLE.some((t) => t.from === from && t.action === action && t.roles.includes(role)),
      ).map((role) => [from, action, role] as const),
    ),
  );
  it(`refuses all ${forbidden.length} other (state, action, role) combinations with ILLEGAL_TRANSITION and the allowed list`, () => {
    for (const [from, action, role] of forbidden) {
      let error: unknown;
      try {
        transition(from, action, role, ok);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(IllegalTransitionError);
      expect((error as IllegalTransitionError).code).toBe('ILLEGAL_TRANSITION');
      expect((error as IllegalTransitionError).allowed).toEqual(allowedActions(from, role));
    }
  });

  it('M7.3 tells the enterprise what it may do instead (withdraw) when it tries to recommend itself', () => {
    expect(() => transition('SUBMITTED', 'recommend', 'enterprise', ok)).toThrow(/撤回申请/);
    try {
      transition('SUBMITTED', 'recommend', 'enterprise', ok);
    } catch (e) {
      expect((e as IllegalTransitionError).messageEn).toContain('Allowed from here: withdraw');
    }
    expect(() => transition('REVOKED', 'withdraw', 'enterprise')).toThrow(/当前可执行的操作：无/);
  });

  it.each(
    LIFECYCLE.filter((t) => t.reasonRequired).map(
      (t) => [t.from, t.action, t.roles[0], t.measuresIds.join(',')] as const,
    ),
  )('%s --%s by %s needs a recorded reason (%s)', (from, action, role) => {
    expect(() => transition(from, action, role, { facts: ALL_FACTS })).toThrow(TransitionReasonRequiredError);
    expect(() => transition(from, action, role, { facts: ALL_FACTS, reason: '   ' })).toThrow(
      TransitionReasonRequiredError,
    );
  });

  it.each(
    LIFECYCLE.flatMap((t) =>
      t.guards.map((g) => [t.from, t.action, t.roles[0], g.fact, g.measuresIds.join(',')] as const),
    ),
  )('%s --%s by %s is refused when %s is false (%s)', (from, action, role, fact) => {
    const facts = { ...ALL_FACTS, [fact]: false };
    try {
      transition(from, action, role, { reason: 'r', facts });
      throw new Error('expected a guard failure');
    } catch (e) {
      expect(e).toBeInstanceOf(TransitionGuardFailedError);
      expect((e as TransitionGuardFailedError).failed).toEqual([fact]);
      expect((e as TransitionGuardFailedError).code).toBe('TRANSITION_GUARD_FAILED');
    }
  });

  it('M7.1 M10.2 a guard whose fact was not supplied fails: facts are established, never assumed', () => {
    expect(() => transition('DRAFT', 'submit', 'enterprise')).toThrow(TransitionGuardFailedError);
    try {
      transition('DRAFT', 'submit', 'enterprise', { facts: { applicationWindowOpen: true } });
    } catch (e) {
      expect((e as TransitionGuardFailedError).failed).toEqual([
        'applicantNotBanned',
        'requiredMaterialsAttached',
      ]);
      expect((e as TransitionGuardFailedError).message).toContain('M10.2');
    }
  });

  it.each<[string, ApplicationState, ApplicationAction, Role, ApplicationState]>([
    [
      'M3.2 M7.3 M12.1 the prefecture recommends after its preliminary check',
      'SUBMITTED',
      'recommend',
      'prefecture_officer',
      'RECOMMENDED',
    ],
    [
      'M7.3 the prefecture returns an application for correction',
      'RESUBMITTED',
      'returnForCorrection',
      'prefecture_officer',
      'RETURNED_FOR_CORRECTION',
    ],
    [
      'M3.1 M8.1 the Department starts the comprehensive review',
      'RECOMMENDED',
      'startComprehensiveReview',
      'department_officer',
      'UNDER_COMPREHENSIVE_REVIEW',
    ],
    [
      'M8.1 M10.3 the commissioned institution completes the review',
      'UNDER_COMPREHENSIVE_REVIEW',
      'completeComprehensiveReview',
      'institution_staff',
      'REVIEWED',
    ],
    [
      'M8.2 M11.1 experts complete the on-site verification',
      'ON_SITE_VERIFICATION',
      'completeOnSiteVerification',
      'expert',
      'UNDER_COMPREHENSIVE_REVIEW',
    ],
    [
      'M9.1 the Department places a reviewed product on the decision list',
      'REVIEWED',
      'placeOnDecisionList',
      'department_officer',
      'ON_DECISION_LIST',
    ],
    [
      'M9.1 the Department may leave a reviewed product off the list',
      'REVIEWED',
      'notSelect',
      'department_officer',
      'NOT_SELECTED',
    ],
    [
      'M9.1 the Department withdraws a decided list before its publication; its entries are decided again',
      'ON_DECISION_LIST',
      'withdrawDecision',
      'department_officer',
      'REVIEWED',
    ],
    [
      'M9.2 the Department starts the publicity',
      'ON_DECISION_LIST',
      'startPublicity',
      'department_officer',
      'IN_PUBLICITY',
    ],
    [
      'M9.3 M13.1 the recognition document is issued after a publicity without open objection',
      'IN_PUBLICITY',
      'issueRecognitionDocument',
      'department_officer',
      'RECOGNIZED',
    ],
    [
      'M13.1 M13.2 the system expires a recognition at the end of its validity',
      'RECOGNIZED',
      'expire',
      'system',
      'EXPIRED',
    ],
    [
      'M10.1 M10.2 the Department revokes a recognition obtained by improper means',
      'RECOGNIZED',
      'revoke',
      'department_officer',
      'REVOKED',
    ],
  ])('%s', (_label, from, action, role, to) => {
    expect(transition(from, action, role, ok).to).toBe(to);
    for (const other of ROLES.filter((r) => !findTransition(from, action)!.roles.includes(r))) {
      expect(() => transition(from, action, other, ok)).toThrow(IllegalTransitionError);
    }
  });

  it('M7.1 the enterprise may withdraw until the Department decides the list, not after', () => {
    expect(allowedActions('REVIEWED', 'enterprise')).toEqual(['withdraw']);
    expect(allowedActions('ON_DECISION_LIST', 'enterprise')).toEqual([]);
    expect(transition('UNDER_COMPREHENSIVE_REVIEW', 'withdraw', 'enterprise').to).toBe('WITHDRAWN');
  });

  it('M10.2 the system withdraws an application in progress when a ban on applying takes effect; a draft is not withdrawn', () => {
    expect(transition('SUBMITTED', 'withdraw', 'system', { reason: '禁止申报' }).to).toBe('WITHDRAWN');
    expect(transition('RETURNED_FOR_CORRECTION', 'withdraw', 'system').transition.measuresIds).toEqual(['M7.1', 'M10.2']);
    expect(() => transition('DRAFT', 'withdraw', 'system')).toThrow(IllegalTransitionError);
    expect(() => transition('SUBMITTED', 'withdraw', 'prefecture_officer')).toThrow(IllegalTransitionError);
  });

  it('M9.1 a withdrawn list needs a reason, and only the listed go back: not selected and published entries stay', () => {
    expect(() => transition('ON_DECISION_LIST', 'withdrawDecision', 'department_officer')).toThrow(TransitionReasonRequiredError);
    expect(transition('ON_DECISION_LIST', 'withdrawDecision', 'department_officer', { reason: '会议纪要有误' }).to).toBe('REVIEWED');
    expect(allowedActions('NOT_SELECTED', 'department_officer')).not.toContain('withdrawDecision');
    expect(allowedActions('IN_PUBLICITY', 'department_officer')).not.toContain('withdrawDecision');
    expect(allowedActions('REVIEWED', 'department_officer')).toEqual(['placeOnDecisionList', 'notSelect']);
  });

  it('M9.3 an upheld objection removes the product from the list', () => {
    expect(
      transition('OBJECTION_UNDER_INVESTIGATION', 'upholdObjection', 'department_officer', {
        reason: '核查属实',
      }).to,
    ).toBe('REMOVED_AFTER_OBJECTION');
    expect(allowedActions('OBJECTION_UNDER_INVESTIGATION', 'department_officer')).not.toContain(
      'issueRecognitionDocument',
    );
  });

  it('M10.2 revocation is possible after expiry, since the Measures set no time limit', () => {
    expect(transition('EXPIRED', 'revoke', 'department_officer', ok).to).toBe('REVOKED');
  });

  it('the auditor is read-only in every state', () => {
    for (const s of APPLICATION_STATES) expect(allowedActions(s, 'auditor')).toEqual([]);
  });

  it('every state is reachable from DRAFT and every non-terminal state leads on', () => {
    const reached = new Set<ApplicationState>(['DRAFT']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of LIFECYCLE) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...APPLICATION_STATES].sort());
    expect([...TERMINAL_STATES].sort()).toEqual([
      'NOT_SELECTED',
      'REJECTED_AT_PRELIMINARY_REVIEW',
      'REMOVED_AFTER_OBJECTION',
      'REVOKED',
      'WITHDRAWN',
    ]);
  });

  it('every transition cites at least one Measures ID and has at most one row per (from, action)', () => {
    const keys = LIFECYCLE.map((t) => `${t.from}/${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of LIFECYCLE) expect(t.measuresIds.length).toBeGreaterThan(0);
    expect(LIFECYCLE.find((t) => t.action === 'submit')?.guard).toContain('application window is open');
  });

  it.each([
    ['state', () => transition('NOPE' as ApplicationState, 'submit', 'enterprise')],
    ['role', () => allowedActions('DRAFT', 'mayor' as Role)],
  ])('rejects an unknown %s with LIFECYCLE_VALUE_UNKNOWN', (_kind, call) => {
    expect(call).toThrow(UnknownLifecycleValueError);
  });

  it('refuses an unknown action with ILLEGAL_TRANSITION', () => {
    expect(() => transition('DRAFT', 'approve' as ApplicationAction, 'enterprise')).toThrow(
      IllegalTransitionError,
    );
  });

  it('draws every transition in the Mermaid diagram', () => {
    const diagram = lifecycleMermaid();
    expect(diagram.startsWith('stateDiagram-v2')).toBe(true);
    for (const t of LIFECYCLE) expect(diagram).toContain(`${t.from} --> ${t.to} : ${t.action}`);
  });

  it('docs/lifecycle.md is up to date (run `npm run docs:lifecycle -w @firstset/domain`)', () => {
    const script = join(__dirname, '..', '..', 'scripts', 'format-lifecycle-doc.js');
    const expected = execFileSync(process.execPath, [script], {
      input: lifecycleMarkdown(),
      encoding: 'utf8',
    });
    const onDisk = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'lifecycle.md'), 'utf8');
    expect(onDisk).toBe(expected);
  });
});
