import { Alert, Card, Flex, Space, Tag, theme, Typography } from 'antd';
import { declaredWhy } from '../../../../features/application-viewer/declared-why';
import type { SlotApplicability } from '../../../../shared/api/views';
import { useI18n } from '../../../../shared/i18n/i18n';
import { LoadState, problemOf } from '../../../../shared/ui/states';
import { MaterialSlot } from '../material-slot';
import { useCheck, useMaterials } from '../queries';

/** A slot that takes no file: declared not to apply (不适用（依申报声明）), or its condition not yet declared. */
function SlotWithoutUpload({ slot }: { slot: SlotApplicability }) {
  const { t, locale } = useI18n();
  const { token } = theme.useToken();
  const name = locale === 'en' ? slot.nameEn : slot.nameZh;
  const notApplicable = slot.basis === 'declared_not_applicable';
  return (
    <Card size="small" id={`slot-${slot.slotId}`} data-testid={`slot-${slot.slotId}`} role="group" aria-label={name} style={{ background: token.colorFillAlter }}>
      <Space wrap>
        <Typography.Text type="secondary">{t('form.materials.item', { item: slot.item, name })}</Typography.Text>
        <Tag color={notApplicable ? 'default' : 'gold'}>{notApplicable ? t('form.materials.notApplicable') : t('form.materials.toVerify')}</Tag>
        <Typography.Text type="secondary" data-testid={`slot-reason-${slot.slotId}`}>
          {notApplicable ? declaredWhy(slot, locale) : locale === 'en' ? slot.reasonEn : slot.reasonZh}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/**
 * Step 3: every slot of the M7.4 checklist (from the check): the ones that apply with their files
 * (required or optional), the conditional ones the declarations ruled out shown as not applicable,
 * with why.
 */
export function MaterialsStep({ applicationId, editable, highlighted }: { applicationId: string; editable: boolean; highlighted: string | null }) {
  const { t } = useI18n();
  const check = useCheck(applicationId);
  const materials = useMaterials(applicationId);
  const slots: SlotApplicability[] = check.data?.slots ?? [];
  return (
    <LoadState
      loading={check.isPending || materials.isPending}
      error={problemOf(check.error ?? materials.error)}
      empty={!check.data || !materials.data ? undefined : slots.length === 0}
      emptyText={t('form.materials.noSlots')}
      onRetry={() => {
        void check.refetch();
        void materials.refetch();
      }}
    >
      <Flex vertical gap="middle">
        <Alert type="info" showIcon title={t('form.materials.intro')} description={t('form.materials.limits')} />
        {check.data?.materialsRequiredAtSubmission === false && <Alert type="warning" showIcon title={t('form.materials.notRequired')} data-testid="materials-not-required" />}
        {slots.map((slot) =>
          slot.applies && slot.basis !== 'not_declared' ? (
            <MaterialSlot
              key={slot.slotId}
              applicationId={applicationId}
              slot={slot}
              files={(materials.data ?? []).filter((m) => m.slotId === slot.slotId)}
              editable={editable}
              highlighted={highlighted === slot.slotId}
            />
          ) : (
            <SlotWithoutUpload key={slot.slotId} slot={slot} />
          ),
        )}
        <Typography.Text type="secondary">{t('form.materials.conditional')}</Typography.Text>
      </Flex>
    </LoadState>
  );
}
