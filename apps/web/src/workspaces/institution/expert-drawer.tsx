import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import { LoadState, queryState } from '../../shared/ui/states';
import { fieldOptions, regionOptions } from '../../features/expert-pool/labels';
import { TieList } from '../../features/expert-pool/tie-list';
import type { ExpertDetail, FieldCode, RegionCode } from '../../features/expert-pool/types';

interface ExpertForm {
  name: string;
  identityType: 'prc_id' | 'passport';
  identityNumber?: string;
  mobile?: string;
  employerName: string;
  employerUscc?: string;
  title: string;
  fieldCodes: FieldCode[];
  field: string;
  regionCode: string;
  available: boolean;
  unavailableUntil?: Dayjs | null;
}

const OUTSIDE = 'outside';

/** The form's values as the command takes them (empty optional fields left out). */
function bodyOf(v: ExpertForm) {
  const text = (s?: string) => (s?.trim() ? s.trim() : undefined);
  return {
    name: v.name.trim(),
    mobile: text(v.mobile),
    employerName: v.employerName.trim(),
    employerUscc: text(v.employerUscc)?.toUpperCase(),
    title: v.title?.trim() ?? '',
    fieldCodes: v.fieldCodes,
    field: v.field.trim(),
    regionCode: v.regionCode === OUTSIDE ? undefined : (v.regionCode as RegionCode),
    available: v.available,
    unavailableUntil: !v.available && v.unavailableUntil ? v.unavailableUntil.format('YYYY-MM-DD') : undefined,
  };
}

function ExpertFormFields({ form, detail, onSaved }: { form: ReturnType<typeof Form.useForm<ExpertForm>>[0]; detail?: ExpertDetail; onSaved(d: ExpertDetail): void }) {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const changed = { onSuccess: () => invalidate('/api/expert-pool/experts', '/api/experts') };
  const adding = $api.useMutation('post', '/api/expert-pool/experts', changed);
  const updating = $api.useMutation('put', '/api/expert-pool/experts/{id}', changed);
  const available = Form.useWatch('available', form);
  const disqualified = detail ? !detail.qualified : false;
  const onFinish = async (v: ExpertForm) => {
    try {
      const identity = v.identityNumber?.trim() ? { identityType: v.identityType, identityNumber: v.identityNumber.trim() } : {};
      const saved = detail
        ? await updating.mutateAsync({ params: { path: { id: detail.id } }, body: { ...bodyOf(v), ...identity, version: detail.version! } })
        : await adding.mutateAsync({ body: { ...bodyOf(v), identityType: v.identityType, identityNumber: v.identityNumber!.trim() } });
      message.success(t(detail ? 'pool.saved' : 'pool.added', { name: saved.name }));
      form.setFieldValue('identityNumber', '');
      onSaved(saved);
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { label }) });
  return (
    <Form<ExpertForm>
      form={form}
      name="expert-form"
      layout="vertical"
      onFinish={onFinish}
      requiredMark={false}
      initialValues={
        detail
          ? {
              name: detail.name,
              identityType: (detail.identityType as ExpertForm['identityType']) ?? 'prc_id',
              identityNumber: '',
              mobile: detail.mobile ?? '',
              employerName: detail.employerName,
              employerUscc: detail.employerUscc ?? '',
              title: detail.title,
              fieldCodes: (detail.fieldCodes ?? []) as FieldCode[],
              field: detail.field,
              regionCode: detail.regionCode ?? OUTSIDE,
              available: detail.available,
              unavailableUntil: detail.unavailableUntil ? dayjs(detail.unavailableUntil) : null,
            }
          : { identityType: 'prc_id', available: true, fieldCodes: [], regionCode: undefined, title: '' }
      }
    >
      {disqualified && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('pool.disqualified.alert', { date: detail!.disqualifiedOn ?? '' })} />}
      <Form.Item name="name" label={t('pool.name')} rules={[required(t('pool.name'))]}>
        <Input maxLength={50} />
      </Form.Item>
      <Flex gap="small" wrap>
        <Form.Item name="identityType" label={t('pool.identityType')} style={{ minWidth: 160 }}>
          <Select options={[{ value: 'prc_id', label: t('pool.identityType.prc_id') }, { value: 'passport', label: t('pool.identityType.passport') }]} />
        </Form.Item>
        <Form.Item
          name="identityNumber"
          label={t('pool.identityNumber')}
          style={{ flex: 1, minWidth: 220 }}
          extra={detail?.identityTail ? t('pool.identityNumber.keep', { tail: detail.identityTail }) : t('pool.identityNumber.help')}
          rules={detail ? [] : [required(t('pool.identityNumber'))]}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
      </Flex>
      <Form.Item name="mobile" label={t('pool.mobile')}>
        <Input maxLength={11} inputMode="numeric" />
      </Form.Item>
      <Flex gap="small" wrap>
        <Form.Item name="employerName" label={t('pool.employer')} rules={[required(t('pool.employer'))]} style={{ flex: 1, minWidth: 240 }}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="employerUscc" label={t('pool.employerUscc')} style={{ minWidth: 200 }}>
          <Input maxLength={18} />
        </Form.Item>
      </Flex>
      <Form.Item name="title" label={t('pool.jobTitle')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="fieldCodes" label={t('pool.fields')} rules={[{ required: true, message: t('common.required', { label: t('pool.fields') }) }]}>
        <Select mode="multiple" optionFilterProp="label" options={fieldOptions(locale)} />
      </Form.Item>
      <Form.Item name="field" label={t('pool.specialty')} rules={[required(t('pool.specialty'))]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('pool.region')} rules={[{ required: true, message: t('common.required', { label: t('pool.region') }) }]}>
        <Select options={[...regionOptions(locale), { value: OUTSIDE, label: t('pool.region.outside') }]} />
      </Form.Item>
      <Flex gap="large" wrap align="start">
        <Form.Item name="available" label={t('pool.available')} valuePropName="checked">
          <Switch disabled={disqualified} />
        </Form.Item>
        {available === false && (
          <Form.Item name="unavailableUntil" label={t('pool.unavailableUntil')} extra={t('pool.unavailableUntil.help')}>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
        )}
      </Flex>
      <Button type="primary" htmlType="submit" loading={adding.isPending || updating.isPending} data-testid="expert-save">
        {detail ? t('common.save') : t('pool.add.submit')}
      </Button>
    </Form>
  );
}

/** The declared ties of an expert of the pool, kept by the institution for the expert (M11.1). */
function PoolTies({ detail, onChanged }: { detail: ExpertDetail; onChanged(d: ExpertDetail): void }) {
  const invalidate = useInvalidate();
  const changed = { onSuccess: (d: ExpertDetail) => (onChanged(d), invalidate('/api/expert-pool/experts')) };
  const adding = $api.useMutation('post', '/api/expert-pool/experts/{id}/ties', changed);
  const removing = $api.useMutation('delete', '/api/expert-pool/experts/{id}/ties/{tieId}', changed);
  return (
    <TieList
      ties={detail.ties}
      busy={adding.isPending || removing.isPending}
      add={(tie) => adding.mutateAsync({ params: { path: { id: detail.id } }, body: tie })}
      remove={(tieId) => removing.mutateAsync({ params: { path: { id: detail.id, tieId } } })}
    />
  );
}

/**
 * Adds an expert to the pool or edits one (at the version read), with the ties they declared. A
 * new expert stays open after saving, to add the ties. A disqualified expert (M11.2) is shown as
 * such and cannot be made available.
 */
export function ExpertDrawer({ expertId, onClose }: { expertId: string | null; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ExpertForm>();
  const [created, setCreated] = useState<ExpertDetail | null>(null);
  const id = expertId ?? created?.id ?? null;
  const detail = $api.useQuery('get', '/api/expert-pool/experts/{id}', { params: { path: { id: id ?? '' } } }, { enabled: id !== null });
  // The newest of what was read and what the last save answered (the read catches up after it).
  const current = [detail.data, created?.id === id ? created : undefined].filter((d): d is ExpertDetail => !!d).sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0];
  const invalidate = useInvalidate();
  const refreshed = (d: ExpertDetail) => {
    setCreated(d);
    void invalidate('/api/expert-pool/experts/{id}');
  };
  return (
    <Drawer open size="large" title={current ? t('pool.edit.title', { name: current.name }) : t('pool.add.title')} onClose={onClose} destroyOnHidden>
      {id && !current ? (
        <LoadState {...queryState(detail)}>{null}</LoadState>
      ) : (
        <Flex vertical gap="large">
          <ExpertFormFields key={`${current?.id ?? 'new'}-${current?.version ?? 0}`} form={form} detail={current} onSaved={refreshed} />
          {current ? (
            <Flex vertical gap="small">
              <Typography.Title level={5}>{t('pool.ties')}</Typography.Title>
              <Typography.Text type="secondary">{t('pool.ties.help')}</Typography.Text>
              <PoolTies detail={current} onChanged={refreshed} />
            </Flex>
          ) : (
            <Alert type="info" showIcon title={t('pool.ties.afterAdd')} />
          )}
        </Flex>
      )}
    </Drawer>
  );
}
