import { DeleteOutlined } from '@ant-design/icons';
import { TIE_KINDS } from '@firstset/domain';
import { App, Button, DatePicker, Flex, Form, Input, Popconfirm, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import type { ExpertTie, ExpertTieInput } from './types';

interface TieForm {
  kind: ExpertTieInput['kind'];
  counterpartyName: string;
  counterpartyUscc?: string;
  from?: Dayjs | null;
  until?: Dayjs | null;
  note?: string;
}

/**
 * The ties an expert declared (M11.1): employer history, co-authorship, projects, equity, family.
 * Each can be removed; a new one is added below. Used by the institution's drawer and by the
 * expert's own declarations page; `add` and `remove` call the route of each.
 */
export function TieList({ ties, add, remove, busy }: { ties: ExpertTie[]; add(tie: ExpertTieInput): Promise<unknown>; remove(tieId: string): Promise<unknown>; busy?: boolean }) {
  const { t, tk, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TieForm>();
  const onFinish = async (v: TieForm) => {
    const { from, until } = v;
    try {
      await add({
        kind: v.kind,
        counterpartyName: v.counterpartyName.trim(),
        ...(v.counterpartyUscc?.trim() ? { counterpartyUscc: v.counterpartyUscc.trim().toUpperCase() } : {}),
        ...(from ? { from: from.format('YYYY-MM-DD') } : {}),
        ...(until ? { until: until.format('YYYY-MM-DD') } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      message.success(t('pool.tie.added'));
      form.resetFields();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { label }) });
  return (
    <Flex vertical gap="middle">
      <Table<ExpertTie>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={ties}
        locale={{ emptyText: t('pool.tie.none') }}
        columns={[
          { title: t('pool.tie.kind'), render: (_, r) => tk('pool.tieKind', r.kind) },
          { title: t('pool.tie.counterparty'), render: (_, r) => (r.counterpartyUscc ? `${r.counterpartyName}（${r.counterpartyUscc}）` : r.counterpartyName) },
          { title: t('pool.tie.period'), render: (_, r) => (r.from || r.until ? `${r.from ?? '…'} – ${r.until ?? t('pool.tie.now')}` : '—') },
          { title: t('pool.tie.note'), dataIndex: 'note' },
          {
            title: t('pool.actions'),
            render: (_, r) => (
              <Popconfirm title={t('pool.tie.remove.confirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => remove(r.id).catch((err) => showProblem(err, title, message))}>
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('pool.tie.remove', { name: r.counterpartyName })} disabled={busy} />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Typography.Text strong>{t('pool.tie.add')}</Typography.Text>
      {/* Not a <form>: Enter in a date field confirms the date and must not declare the tie half-filled. */}
      <Form form={form} component="div" name="add-tie" layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Flex gap="small" wrap>
          <Form.Item name="kind" label={t('pool.tie.kind')} rules={[{ required: true, message: t('common.required', { label: t('pool.tie.kind') }) }]} style={{ minWidth: 140 }}>
            <Select options={TIE_KINDS.map((k) => ({ value: k, label: tk('pool.tieKind', k) }))} />
          </Form.Item>
          <Form.Item name="counterpartyName" label={t('pool.tie.counterparty')} rules={[required(t('pool.tie.counterparty'))]} style={{ minWidth: 240, flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="counterpartyUscc" label={t('pool.tie.uscc')} style={{ minWidth: 200 }}>
            <Input maxLength={18} />
          </Form.Item>
        </Flex>
        <Flex gap="small" wrap>
          <Form.Item name="from" label={t('pool.tie.from')}>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="until" label={t('pool.tie.until')} extra={t('pool.tie.period.help')}>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="note" label={t('pool.tie.note')} style={{ minWidth: 240, flex: 1 }}>
            <Input maxLength={500} />
          </Form.Item>
        </Flex>
        <Button htmlType="button" onClick={() => form.submit()} loading={busy} data-testid="tie-add">
          {t('pool.tie.add.submit')}
        </Button>
      </Form>
    </Flex>
  );
}
