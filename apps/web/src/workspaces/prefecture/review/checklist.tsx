import { Card, Empty, Space, Tag, Typography } from 'antd';
import type { ChecklistItem, FormalReviewSheet, MaterialFile, OpenReviewItem } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { openAt } from './open-here';
import { itemName } from '../../../features/application-viewer/review-format';
import { declaredWhy } from '../../../features/application-viewer/declared-why';
import { ChecklistRow } from './checklist-row';
import { SlotFiles } from './slot-files';
import { useRowStyle } from './row-style';

/** A slot the enterprise declared not to apply (M5.6, M7.4): listed with why, and no verdict is taken. */
function NotApplicableRow({ item }: { item: ChecklistItem }) {
  const { t, locale } = useI18n();
  const rowStyle = useRowStyle();
  return (
    <section data-testid={`checklist-${item.slotId}`} aria-label={itemName(item, locale)} style={rowStyle}>
      <Space wrap size={[8, 4]}>
        <Typography.Text type="secondary">{t('review.check.itemTitle', { n: item.item, name: itemName(item, locale) })}</Typography.Text>
        <Tag>{t('review.check.notApplicable')}</Tag>
        <Typography.Text type="secondary">{declaredWhy(item, locale)}</Typography.Text>
      </Space>
    </section>
  );
}

/** The formal review sheet (M7.4): one row per checklist item, the files beside it. */
export function Checklist({ applicationId, items, files, editable, open, onView, onSaved }: {
  applicationId: string;
  items: ChecklistItem[];
  files: MaterialFile[];
  editable: boolean;
  /** Open items to show at their rows (after a refused recommendation). */
  open: OpenReviewItem[];
  onView(file: MaterialFile): void;
  onSaved(sheet: FormalReviewSheet): void;
}) {
  const { t } = useI18n();
  const applicable = items.filter((i) => i.applies);
  const done = applicable.filter((i) => i.verdict).length;
  const inChecklist = new Set(applicable.map((i) => i.slotId));
  const others = files.filter((f) => !inChecklist.has(f.slotId));
  return (
    <Card title={t('review.checklist.title')} extra={<Typography.Text type="secondary">{t('review.checklist.progress', { done, total: applicable.length })}</Typography.Text>}>
      {!editable && <Typography.Paragraph type="secondary">{t('review.checklist.readOnly')}</Typography.Paragraph>}
      {items.length === 0 ? (
        <Empty description={t('review.checklist.empty')} />
      ) : (
        items.map((item) =>
          item.applies ? (
            <ChecklistRow
              // A verdict saved elsewhere (another officer, a refresh) resets the row's form to it.
              key={`${item.slotId}@${item.verdict?.reviewedAt ?? ''}`}
              applicationId={applicationId}
              item={item}
              files={files.filter((f) => f.slotId === item.slotId)}
              editable={editable}
              open={openAt(open, `materials.${item.slotId}`)}
              onView={onView}
              onSaved={onSaved}
            />
          ) : (
            <NotApplicableRow key={item.slotId} item={item} />
          ),
        )
      )}
      {others.length > 0 && (
        <section aria-label={t('review.files.others')}>
          <Typography.Paragraph strong>{t('review.files.others')}</Typography.Paragraph>
          <SlotFiles applicationId={applicationId} files={others} onView={onView} />
        </section>
      )}
    </Card>
  );
}
