import { Alert, Col, Flex, Row } from 'antd';
import { useState } from 'react';
import { $api } from '../../../shared/api/query';
import type { MaterialFile } from '../../../shared/api/views';
import { LoadState, queryState } from '../../../shared/ui/states';
import { useI18n } from '../../../shared/i18n/i18n';
import { AssignDialog, useOfficers, useWho } from './assign-dialog';
import { CreditPanel, FlagsPanel } from '../../../features/application-viewer/case-panels';
import { ChangesPanel } from '../../../features/application-viewer/changes-panel';
import { OutcomePanel } from '../../../features/application-viewer/decision-summary';
import { Checklist } from './checklist';
import { Verifications } from './verifications';
import { Conditions } from './conditions';
import { MaterialViewer } from '../../../features/material-viewer/material-viewer';
import { REVIEWABLE } from '../../../features/application-viewer/review-format';
import { useCaseChanged, useReviewSheet } from './case-cache';
import { CaseHeader } from './case-header';
import { DecisionsCard, Dialog } from './decisions-card';
import { CaseDialogs } from './case-dialogs';

/**
 * The prefecture's review of one application (M7.3, M7.4, M12.1): the applicant and product, the
 * credit answer, intake's flags, the changes of a resubmission, the files with a viewer, the
 * checklist with verdicts, verification actions, and the decisions (two-step approval included).
 */
export function ReviewCasePage({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useReviewSheet(id);
  const materials = $api.useQuery('get', '/api/applications/{id}/materials', { params: { path: { id } } });
  // Without the setting (a refusal, a failure) the screen reads as one-step approval, as the server decides anyway.
  const setting = $api.useQuery('get', '/api/preliminary-review/settings/approval');
  const officers = useOfficers();
  const who = useWho(officers.data);
  const changed = useCaseChanged(id);
  const [assigning, setAssigning] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [viewing, setViewing] = useState<MaterialFile | null>(null);
  // After a refused recommendation, each open item shows at its place until it is judged (M12.1).
  const [showOpen, setShowOpen] = useState(false);

  const sheet = loaded.data;
  const c = sheet?.case;
  const reviewable = !!c && REVIEWABLE.has(c.state);
  const open = showOpen ? (sheet?.openItems ?? []) : [];
  const refresh = () => void Promise.all([loaded.refetch(), materials.refetch(), officers.refetch()]);
  const incomplete = () => {
    setDialog(null);
    setShowOpen(true);
    void loaded.refetch();
    // The first open item's place, for the officer to start there.
    setTimeout(() => document.querySelector('[data-testid="open-item"]')?.scrollIntoView({ block: 'center' }), 300);
  };

  return (
    <LoadState {...queryState(loaded)} empty={!c} backTo="/prefecture/queue">
      {c && sheet && (
        <Flex vertical gap="middle">
          <CaseHeader
            review={c}
            reviewable={reviewable}
            who={who}
            onRefresh={refresh}
            onChanged={changed.case}
            onAssign={() => {
              void officers.refetch(); // an officer may have started work since the page opened
              setAssigning(true);
            }}
          />

          {assigning && (
            <AssignDialog
              applicationId={id}
              officers={officers.data ?? []}
              current={c.assigneeId}
              onClose={() => setAssigning(false)}
              onAssigned={(result) => {
                setAssigning(false);
                changed.case(result);
              }}
            />
          )}

          <DecisionsCard review={c} checklist={sheet.items} reviewable={reviewable} twoStep={!!setting.data?.twoStepApproval} open={open} who={who} onDialog={setDialog} />

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

          <LoadState {...queryState(materials)}>
            <Checklist applicationId={id} items={sheet.items} files={materials.data ?? []} editable={reviewable} open={open} onView={setViewing} onSaved={changed.sheet} />
          </LoadState>

          <Conditions applicationId={id} conditions={sheet.conditions} checklist={sheet.items} editable={reviewable} open={open} onSaved={changed.sheet} />

          <Verifications applicationId={id} actions={sheet.verifications} editable={reviewable} onSaved={changed.sheet} />

          <MaterialViewer applicationId={id} file={viewing} onClose={() => setViewing(null)} />
          <CaseDialogs sheet={sheet} dialog={dialog} onClose={() => setDialog(null)} onDecided={changed.case} onIncomplete={incomplete} />
        </Flex>
      )}
    </LoadState>
  );
}
