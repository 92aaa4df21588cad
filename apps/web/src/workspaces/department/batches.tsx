import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ProblemError, unwrap } from '../../shared/api/client';
import type { Batch, PolicyProfile } from '../../shared/api/views';
import { useSession } from '../../shared/auth/session';
import { showProblem } from '../../shared/ui/problem-form';
import { usePolicyProfiles } from '../../features/policy-profiles/policy-profiles';
import { LoadState } from '../../shared/ui/states';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';
import { BatchWindowDialog, WindowChange } from './batch-window-dialog';
import { BeijingLabel, beijingIso, formatBeijing, beijingToday } from '../../shared/ui/beijing-time';

interface OpenForm {
  year: number;
  name: string;
  windowOpensAt: Dayjs;
  windowClosesAt: Dayjs;
  prefectureDeadline: Dayjs;
  /** `id@version` of the chosen policy profile (M15). */
  policyProfile: string;
}

const keyOf = (p: Pick<PolicyProfile, 'id' | 'version'>) => `${p.id}@${p.version}`;

/** The profile in force today (the latest effective date not after it), as the server would choose it. */
function inForceToday(profiles: PolicyProfile[]): string | undefined {
  const today = formatBeijing(new Date(), 'date');
  const candidates = profiles.filter((p) => p.effectiveFrom <= today).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return candidates[0] && keyOf(candidates[0]);
}

/** Where the application window stands now. */
const windowStatus = (b: Batch): 'upcoming' | 'open' | 'closed' =>
  dayjs().isBefore(b.windowOpensAt) ? 'upcoming' : dayjs().isBefore(b.windowClosesAt) ? 'open' : 'closed';

function OpenDialog({ open, onClose, onOpened }: { open: boolean; onClose(): void; onOpened(): void }) {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpenForm>();
  const [busy, setBusy] = useState(false);
  const year = beijingToday().year();
  const profiles = usePolicyProfiles();
  const chosenKey = Form.useWatch('policyProfile', form);
  const chosen = profiles.data?.find((p) => keyOf(p) === chosenKey);
  const defaultProfile = profiles.data && inForceToday(profiles.data);
  const onFinish = async (v: OpenForm) => {
    setBusy(true);
    const profile = profiles.data?.find((p) => keyOf(p) === v.policyProfile);
    try {
      await unwrap(
        api.POST('/api/batches', {
          body: {
            year: v.year,
            name: v.name.trim(),
            windowOpensAt: beijingIso(v.windowOpensAt),
            windowClosesAt: beijingIso(v.windowClosesAt),
            prefectureDeadline: v.prefectureDeadline.format('YYYY-MM-DD'),
            ...(profile ? { policyProfileId: profile.id, policyProfileVersion: profile.version } : {}),
          },
        }),
      );
      message.success(t('batch.opened'));
      form.resetFields();
      onOpened();
    } catch (err) {
      // The server names policyProfileId or policyProfileVersion; the form has one field for both.
      if (err instanceof ProblemError) for (const e of err.problem.errors ?? []) if (e.field.startsWith('policyProfile')) e.field = 'policyProfile';
      showProblem(err, title, message, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('batch.open')} onOk={() => form.submit()} onCancel={onClose} okText={t('batch.open')} cancelText={t('common.cancel')} confirmLoading={busy} width={640}>
      <Form form={form} name="batch" layout="vertical" onFinish={onFinish} initialValues={{ year, name: t('batch.defaultName', { year }) }}>
        <Form.Item name="year" label={t('batch.year')} rules={[{ required: true, message: t('common.required', { label: t('batch.year') }) }]}>
          <InputNumber min={2020} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="name" label={t('batch.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('batch.name') }) }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="windowOpensAt" label={<BeijingLabel label={t('batch.windowOpensAt')} />} rules={[{ required: true, message: t('common.required', { label: t('batch.windowOpensAt') }) }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" needConfirm={false} />
          </Form.Item>
          <Form.Item
            name="windowClosesAt"
            label={<BeijingLabel label={t('batch.windowClosesAt')} />}
            dependencies={['windowOpensAt']}
            rules={[
              { required: true, message: t('common.required', { label: t('batch.windowClosesAt') }) },
              ({ getFieldValue }) => ({
                validator: (_, v?: Dayjs) => (!v || !getFieldValue('windowOpensAt') || v.isAfter(getFieldValue('windowOpensAt')) ? Promise.resolve() : Promise.reject(new Error(t('batch.windowOrder')))),
              }),
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" needConfirm={false} />
          </Form.Item>
        </Space>
        <Form.Item name="prefectureDeadline" label={<BeijingLabel label={t('batch.prefectureDeadline')} />} rules={[{ required: true, message: t('common.required', { label: t('batch.prefectureDeadline') }) }]}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        {/* M15: the version of the Measures every application of the batch is judged by. */}
        {defaultProfile !== undefined && (
          <Form.Item
            name="policyProfile"
            label={t('policy.profile')}
            initialValue={defaultProfile}
            extra={
              <>
                <div>{t('policy.profile.help')}</div>
                {chosen && (
                  <Typography.Text type="secondary" data-testid="policy-profile-numbers">
                    {t('policy.profile.numbers', {
                      publicity: chosen.publicityWorkingDays,
                      validity: chosen.validityYears,
                      ban: chosen.applicantBanYears,
                      rd: chosen.maxRdAgeYears,
                      batches: chosen.batchesPerYear,
                      materials: chosen.materials.length,
                    })}
                  </Typography.Text>
                )}
              </>
            }
            rules={[{ required: true, message: t('common.required', { label: t('policy.profile') }) }]}
          >
            <Select
              placeholder={t('policy.profile.placeholder')}
              options={profiles.data?.map((p) => ({
                value: keyOf(p),
                label: t('policy.profile.option', { name: locale === 'en' ? p.nameEn : p.nameZh, version: p.version, from: p.effectiveFrom }),
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The Department's annual batches; the auditor reads them. */
export function BatchesPage() {
  const { t, tk, locale } = useI18n();
  const { actor } = useSession();
  const [opening, setOpening] = useState(false);
  const [changing, setChanging] = useState<{ batch: Batch; change: WindowChange } | null>(null);
  const list = useLoad(() => unwrap<Batch[]>(api.GET('/api/batches')), []);
  const canOpen = actor?.role === 'department_officer';
  return (
    <Card title={t('batch.title')} extra={canOpen && <Button type="primary" onClick={() => setOpening(true)}>{t('batch.open')}</Button>}>
      <LoadState loading={list.loading} error={list.error} empty={!list.data?.length} emptyText={t('batch.empty')} onRetry={list.reload}>
        <Table<Batch>
          rowKey="id"
          dataSource={list.data}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('batch.year'), dataIndex: 'year', width: 80 },
            { title: t('batch.name'), dataIndex: 'name' },
            { title: t('batch.windowOpensAt'), render: (_, b) => formatBeijing(b.windowOpensAt) },
            { title: t('batch.windowClosesAt'), render: (_, b) => formatBeijing(b.windowClosesAt) },
            { title: t('batch.prefectureDeadline'), dataIndex: 'prefectureDeadline' },
            {
              title: t('policy.profile'),
              render: (_, b) => (
                <span data-testid="batch-policy-profile">
                  {t('policy.profile.label', { name: locale === 'en' ? b.policyProfileNameEn : b.policyProfileNameZh, version: b.policyProfileVersion })}
                </span>
              ),
            },
            { title: t('batch.window.status'), render: (_, b) => tk('batch.window.status', windowStatus(b)) },
            ...(canOpen
              ? [
                  {
                    title: t('common.actions'),
                    render: (_: unknown, b: Batch) =>
                      windowStatus(b) !== 'closed' && (
                        <Space>
                          <Button size="small" onClick={() => setChanging({ batch: b, change: 'extend' })}>{t('batch.window.extend')}</Button>
                          <Button size="small" danger onClick={() => setChanging({ batch: b, change: 'close' })}>{t('batch.window.close')}</Button>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </LoadState>
      {changing && (
        <BatchWindowDialog
          batch={changing.batch}
          change={changing.change}
          onClose={() => setChanging(null)}
          onChanged={() => {
            setChanging(null);
            list.reload();
          }}
        />
      )}
      {canOpen && (
        <OpenDialog
          open={opening}
          onClose={() => setOpening(false)}
          onOpened={() => {
            setOpening(false);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}
