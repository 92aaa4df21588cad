import { Alert, Space, Typography } from 'antd';
import type { ChecklistSlot, Material } from '../../../api/views';
import { LoadState } from '../../../components/states';
import type { Loaded } from '../../../components/use-load';
import { useI18n } from '../../../i18n/i18n';
import type { CheckResult } from '../../../api/views';
import { MaterialSlot } from '../material-slot';

/** Step 3: the M7.4 checklist of this application (from the check), one row per slot with its files. */
export function MaterialsStep({ applicationId, check, materials, editable, highlighted, onChanged }: {
  applicationId: string;
  check: Loaded<CheckResult>;
  materials: Loaded<Material[]>;
  editable: boolean;
  highlighted: string | null;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const slots: ChecklistSlot[] = check.data?.materials ?? [];
  const error = check.error ?? materials.error;
  return (
    <LoadState
      loading={check.loading || materials.loading}
      error={error}
      empty={!check.data || !materials.data ? undefined : slots.length === 0}
      emptyText={t('form.materials.noSlots')}
      onRetry={() => {
        check.reload();
        materials.reload();
      }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('form.materials.intro')} description={t('form.materials.limits')} />
        {slots.map((slot) => (
          <MaterialSlot
            key={slot.slotId}
            applicationId={applicationId}
            slot={slot}
            files={(materials.data ?? []).filter((m) => m.slotId === slot.slotId)}
            editable={editable}
            highlighted={highlighted === slot.slotId}
            onChanged={onChanged}
          />
        ))}
        <Typography.Text type="secondary">{t('form.materials.conditional')}</Typography.Text>
      </Space>
    </LoadState>
  );
}
