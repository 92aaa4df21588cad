import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../shared/api/client';
import type { ApprovalSetting, FormalReviewSheet, MaterialFile, ReviewCase } from '../../../shared/api/views';
import { useSession } from '../../../shared/auth/session';
import { showProblem } from '../../../shared/ui/problem-form';
import { PolicyProfileName, usePolicyProfiles } from '../../../features/policy-profiles/policy-profiles';
import { LoadState } from '../../../shared/ui/states';
import { useLoad } from '../../../shared/hooks/use-load';
import { useI18n } from '../../../shared/i18n/i18n';
import { useNavigate } from 'react-router';
import { AssignDialog, Officer } from './assign-dialog';
import { ChangesPanel, CreditPanel, DecisionSummary, FlagsPanel, OutcomePanel } from '../../../features/application-viewer/case-panels';
import { Checklist, Verifications } from './checklist';
import { Conditions } from './conditions';
import { ApproveDialog, DiscardDraftDialog, RecommendDialog, RejectDialog, ReturnDialog } from './decision-dialogs';
import { MaterialViewer } from '../../../features/material-viewer/material-viewer';
import { fieldName, REVIEWABLE } from '../../../features/application-viewer/review-format';
import { formatBeijing } from '../../../shared/ui/beijing-time';

type Dialog = 'return' | 'reject' | 'recommend' | 'approve' | 'discard' | null;

/**
 * The prefecture's review of one application (M7.3, M7.4, M12.1): the applicant and product, the
 * credit answer, intake's flags, the changes of a resubmission, the files with a viewer, the
 * checklist with verdicts, verification actions, and the decisions (two-step approval included).
 */
export function ReviewCasePage({ id }: { id: string }) {
  const { t, tk, locale, title } = useI18n();
  const profiles = usePolicyProfiles();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { actor } = useSession();
  const loaded = useLoad(() => unwrap<FormalReviewSheet>(api.GET('/api/preliminary-review/applications/{id}/formal-review', { params: { path: { id } } })), [id]);
  const materials = useLoad(() => unwrap<MaterialFile[]>(api.GET('/api/applications/{id}/materials', { params: { path: { id } } })), [id]);
  const setting = useLoad(() => unwrap<ApprovalSetting>(api.GET('/api/preliminary-review/settings/approval')).catch(() => null), []);
  // The prefecture's officers: names behind the user ids on the case, and whom to assign it to.
  const officers = useLoad(() => unwrap<Officer[]>(api.GET('/api/preliminary-review/officers')).catch(() => [] as Officer[]), []);
  const [assigning, setAssigning] = useState(false);
  const [sheet, setSheet] = useState<FormalReviewSheet | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [viewing, setViewing] = useState<MaterialFile | null>(null);
  const [claiming, setClaiming] = useState(false);
  // After a refused recommendation, each open item shows at its place until it is judged (M12.1).
  const [showOpen, setShowOpen] = useState(false);
  useEffect(() => setSheet(loaded.data), [loaded.data]);

  const reload = () => {
    loaded.reload();
    materials.reload();
    officers.reload();
  };
  const c = sheet?.case;
  const me = actor?.userId;
  const reviewable = !!c && REVIEWABLE.has(c.state);
  const draft = c?.draft ?? null;
  const drafter = !!draft && draft.draftedBy === me;
  const twoStep = !!setting.data?.twoStepApproval;
  const open = showOpen ? (sheet?.openItems ?? []) : [];
  const incomplete = () => {
    setDialog(null);
    setShowOpen(true);
    loaded.reload();
    // The first open item's place, for the officer to start there.
    setTimeout(() => document.querySelector('[data-testid="open-item"]')?.scrollIntoView({ block: 'center' }), 300);
  };

  const claim = async () => {
    setClaiming(true);
    try {
      applyCase(await unwrap<ReviewCase>(api.POST('/api/preliminary-review/applications/{id}/claim', { params: { path: { id } } })));
      message.success(t('review.claimed'));
    } catch (err) {
      showProblem(err, title, message);
    } finally {
      setClaiming(false);
    }
  };

  /** The case as a command returned it, shown at once; the sheet's items stay as they are. */
  const applyCase = (result: ReviewCase) => setSheet((s) => (s ? { ...s, case: { ...s.case, ...result } } : s));

  const decided = (result: ReviewCase, done: string) => {
    setDialog(null);
    applyCase(result);
    message.success(result.draft && !draft ? t('review.drafted') : done);
    loaded.reload();
  };

  // Another officer by name when the prefecture's list knows them, else as "another officer".
  const who = (userId: string | null | undefined, name?: string | null) => {
    if (!userId) return t('review.nobody');
    if (userId === me) return t('review.me', { name: actor?.displayName ?? userId });
    return name ?? officers.data?.find((o) => o.userId === userId)?.displayName ?? t('review.otherOfficer');
  };

  return (
    <LoadState loading={loaded.loading} error={loaded.error} empty={!c} onRetry={loaded.reload} backTo="/prefecture/queue">
      {c && sheet && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card
            title={
              <Space wrap>
                <span>{t('review.title', { no: c.applicationNo })}</span>
                <Tag color="processing" data-testid="review-state">{tk('state', c.state, c.stateLabel.zh)}</Tag>
                {c.resubmitted && <Tag color="orange" data-testid="review-resubmitted">{t('review.resubmitted', { version: c.applicationVersion })}</Tag>}
              </Space>
            }
            extra={
              <Space wrap>
                <Button onClick={() => navigate('/prefecture/queue')}>{t('review.backToQueue')}</Button>
                <Button onClick={reload}>{t('common.refresh')}</Button>
              </Space>
            }
          >
            <Descriptions column={{ xs: 1, md: 2, xxl: 3 }} size="small" bordered>
              <Descriptions.Item label={t('queue.enterprise')}>{c.enterprise.name}</Descriptions.Item>
              <Descriptions.Item label={t('review.uscc')}>{c.enterprise.uscc}</Descriptions.Item>
              <Descriptions.Item label={t('review.address')}>{c.enterprise.registeredAddress}</Descriptions.Item>
              <Descriptions.Item label={t('application.productName')}>{c.product.name}</Descriptions.Item>
              <Descriptions.Item label={t('application.productKind')}>{tk('productKind', c.product.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('review.catalogueField')}>
                {c.product.catalogueEntryCode ? `${fieldName(c.product.catalogueEntryCode, locale)}（${c.product.catalogueEntryCode}）` : t('review.field.notChosen')}
              </Descriptions.Item>
              <Descriptions.Item label={t('application.series')}>{c.product.series}</Descriptions.Item>
              <Descriptions.Item label={t('application.model')}>{c.product.model}</Descriptions.Item>
              <Descriptions.Item label={t('application.rdCompletedOn')}>{c.product.rdCompletedOn}</Descriptions.Item>
              <Descriptions.Item label={t('queue.receivedAt')}>{formatBeijing(c.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('policy.profile')}>
                <PolicyProfileName id={c.policyProfile.id} version={c.policyProfile.version} profiles={profiles.data} />
              </Descriptions.Item>
              <Descriptions.Item label={t('queue.waiting')}>
                <span data-testid="review-waiting">{t('common.days', { days: c.waitingDays })}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('review.assignee')}>
                <Space wrap>
                  <span data-testid="review-assignee">{who(c.assigneeId)}</span>
                  {reviewable && c.assigneeId !== me && (
                    <Button size="small" onClick={claim} loading={claiming}>{t('review.claim')}</Button>
                  )}
                  {reviewable && (
                    <Button
                      size="small"
                      data-testid="review-assign"
                      onClick={() => {
                        officers.reload(); // an officer may have started work since the page opened
                        setAssigning(true);
                      }}
                    >
                      {t('review.assign')}
                    </Button>
                  )}
                </Space>
              </Descriptions.Item>
            </Descriptions>
          </Card>

          {assigning && (
            <AssignDialog
              applicationId={id}
              officers={officers.data ?? []}
              current={c.assigneeId}
              onClose={() => setAssigning(false)}
              onAssigned={(result) => {
                setAssigning(false);
                applyCase(result);
              }}
            />
          )}

          <Card title={t('review.decisions.title')} data-testid="review-decisions">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {twoStep && reviewable && !draft && <Alert type="info" showIcon title={t('review.twoStep.on')} />}
              {draft && (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="review-draft"
                  title={t('review.draft.pending', { who: who(draft.draftedBy), at: formatBeijing(draft.draftedAt) })}
                  description={
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      {draft.payload && <DecisionSummary decision={{ ...draft.payload, kind: draft.kind }} checklist={sheet.items} />}
                      <Typography.Text type="secondary">{drafter ? t('review.draft.mine') : t('review.draft.others')}</Typography.Text>
                      <Space wrap>
                        {!drafter && (
                          <Button type="primary" onClick={() => setDialog('approve')}>{t('review.draft.approve')}</Button>
                        )}
                        <Button danger onClick={() => setDialog('discard')}>{drafter ? t('review.draft.withdraw') : t('review.draft.sendBack')}</Button>
                      </Space>
                    </Space>
                  }
                />
              )}
              {!draft && c.draftDiscarded && reviewable && (
                <Alert
                  type={c.draftDiscarded.draftedBy === me ? 'error' : 'info'}
                  showIcon
                  data-testid="review-draft-discarded"
                  title={t(c.draftDiscarded.how !== 'SENT_BACK_BY_APPROVER' ? 'review.draft.withdrawn' : c.draftDiscarded.draftedBy === me ? 'review.draft.sentBack' : 'review.draft.sentBackOther', {
                    kind: tk('review.decision.kind', c.draftDiscarded.kind),
                    who: who(c.draftDiscarded.by, c.draftDiscarded.byName),
                    at: formatBeijing(c.draftDiscarded.at),
                  })}
                  description={t('review.draft.discardReason', { reason: c.draftDiscarded.reason })}
                />
              )}
              {reviewable && open.length > 0 && (
                <Alert type="error" showIcon role="alert" data-testid="review-open-items" title={t('review.open.title', { count: open.length })} description={t('review.open.hint')} />
              )}
              {reviewable && !draft && (
                <Space wrap>
                  <Button onClick={() => setDialog('return')}>{t('review.return')}</Button>
                  <Button danger onClick={() => setDialog('reject')}>{t('review.reject')}</Button>
                  <Button type="primary" onClick={() => setDialog('recommend')}>{t('review.recommend')}</Button>
                </Space>
              )}
              {!reviewable && <Typography.Text type="secondary">{t('review.decisions.closed', { state: tk('state', c.state, c.stateLabel.zh) })}</Typography.Text>}
            </Space>
          </Card>

          {c.materialsRequiredAtSubmission === false && <Alert type="warning" showIcon title={t('review.case.materialsNotRequired')} data-testid="materials-not-required" />}

          <OutcomePanel review={c} checklist={sheet.items.filter((i) => i.applies)} />

          {c.previousVersion !== null && <ChangesPanel review={c} checklist={sheet.items.filter((i) => i.applies)} />}

          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <CreditPanel credit={c.credit} />
            </Col>
            <Col xs={24} lg={12}>
              <FlagsPanel flags={c.flags ?? []} />
            </Col>
          </Row>

          <LoadState loading={materials.loading && !materials.data} error={materials.error} onRetry={materials.reload}>
            <Checklist
              applicationId={id}
              items={sheet.items}
              files={materials.data ?? []}
              editable={reviewable}
              open={open}
              onView={setViewing}
              onSaved={setSheet}
            />
          </LoadState>

          <Conditions applicationId={id} conditions={sheet.conditions} checklist={sheet.items} editable={reviewable} open={open} onSaved={setSheet} />

          <Verifications applicationId={id} actions={sheet.verifications} editable={reviewable} onSaved={setSheet} />

          <MaterialViewer applicationId={id} file={viewing} onClose={() => setViewing(null)} />
          <ReturnDialog review={c} checklist={sheet.items.filter((i) => i.applies)} conditions={sheet.conditions} open={dialog === 'return'} onCancel={() => setDialog(null)} onDone={(r) => decided(r, t('review.returned'))} />
          <RejectDialog review={c} open={dialog === 'reject'} onCancel={() => setDialog(null)} onDone={(r) => decided(r, t('review.rejected'))} />
          <RecommendDialog
            review={c}
            openItems={sheet.openItems.length}
            open={dialog === 'recommend'}
            onCancel={() => setDialog(null)}
            onDone={(r) => decided(r, t('review.recommended'))}
            onIncomplete={incomplete}
          />
          <ApproveDialog
            review={c}
            open={dialog === 'approve'}
            onCancel={() => setDialog(null)}
            onDone={(r) => decided(r, t('review.draft.approved'))}
            summary={draft?.payload ? <DecisionSummary decision={{ ...draft.payload, kind: draft.kind }} checklist={sheet.items} /> : null}
          />
          <DiscardDraftDialog
            review={c}
            asDrafter={drafter}
            open={dialog === 'discard'}
            onCancel={() => setDialog(null)}
            onDone={(r) => decided(r, drafter ? t('review.draft.withdrawnDone') : t('review.draft.sentBackDone'))}
          />
        </Space>
      )}
    </LoadState>
  );
}
