import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../../shared/api/client';
import { $api } from '../../../shared/api/query';
import type { components } from '../../../shared/api/generated/schema';
import { useSearchState } from '../../../shared/hooks/use-search-state';
import { useI18n } from '../../../shared/i18n/i18n';
import { formatBeijing } from '../../../shared/ui/beijing-time';
import { prefectureName } from '../../../shared/ui/prefectures';
import { showProblem } from '../../../shared/ui/problem-form';
import { fileNameOf, saveBlob } from '../../../shared/ui/save-file';
import { LoadState, queryState } from '../../../shared/ui/states';
import { AUDIT_DEFAULTS, AUDIT_OUTCOMES, AUDIT_ROLES, auditQueryOf, LABELLED_ACTIONS, organisationOf, type AuditSearch } from './audit-query';

type Entry = components['schemas']['AuditLogEntryV1'];
const PAGE_SIZE = 50;

/** Who acted: the person's name (or the bare id), then role and organisation. */
export function PersonCell({ e }: { e: Entry }) {
  const { t, tk, locale } = useI18n();
  const org = organisationOf(e.organisation);
  const orgText = !org ? '' : org.kind === 'prefecture' ? prefectureName(org.code, locale) : [tk('audit.org', org.kind, org.kind), org.code].filter(Boolean).join(' ');
  return (
    <Flex vertical>
      <Typography.Text strong>{e.actorName ?? t('audit.person.unknown')}</Typography.Text>
      <Typography.Text type="secondary">{[tk('role', e.actorRole, e.actorRole), orgText].filter(Boolean).join(' · ')}</Typography.Text>
      {!e.actorName && <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>{e.actorId}</Typography.Text>}
    </Flex>
  );
}

/** The action in words where a label exists, its code beside it. */
export function ActionCell({ e }: { e: Entry }) {
  const { tk } = useI18n();
  const label = tk('audit.action', e.action, '');
  return (
    <Flex vertical>
      {label && <Typography.Text>{label}</Typography.Text>}
      <Typography.Text type="secondary" code>{e.action}</Typography.Text>
    </Flex>
  );
}

/**
 * The audit log (ADR 0028): every service's records merged by time, filtered in the URL, paged by
 * the gateway's cursor, each application's records linked to its read-only view, and the whole
 * selection exported as XLSX (the export itself audited). The Department's and the auditor's.
 */
export function AuditLogPage() {
  const { t, tk, title } = useI18n();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchState(AUDIT_DEFAULTS);
  const query = auditQueryOf(search, PAGE_SIZE);
  const r = $api.useQuery('get', '/api/audit/records', { params: { query } }, { placeholderData: keepPreviousData });
  const [form] = Form.useForm();
  const [exporting, setExporting] = useState(false);
  const filter = (patch: Partial<AuditSearch>) => setSearch({ ...patch, cursor: undefined });

  const onFinish = (v: Record<string, unknown>) => {
    const range = v.days as [dayjs.Dayjs, dayjs.Dayjs] | null | undefined;
    const text = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : undefined);
    filter({
      actor: text(v.actor),
      role: text(v.role),
      organisation: text(v.organisation),
      action: text(v.action),
      objectId: text(v.objectId),
      requestId: text(v.requestId),
      outcome: text(v.outcome),
      fromDay: range?.[0]?.format('YYYY-MM-DD'),
      toDay: range?.[1]?.format('YYYY-MM-DD'),
    });
  };
  const reset = () => {
    setSearch(Object.fromEntries(Object.keys(AUDIT_DEFAULTS).map((k) => [k, undefined])) as Partial<AuditSearch>);
    form.resetFields();
  };

  const download = async () => {
    setExporting(true);
    try {
      const { cursor: _c, pageSize: _p, ...filters } = query;
      const request = api.GET('/api/audit/records.xlsx', { params: { query: filters }, parseAs: 'blob' });
      const blob = await unwrap<Blob>(request);
      saveBlob(blob, fileNameOf((await request).response) ?? 'audit-log.xlsx');
    } catch (err) {
      showProblem(err, title, message);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<Entry> = [
    { title: t('audit.col.time'), render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatBeijing(e.occurredAt, 'second')}</span> },
    { title: t('audit.col.person'), render: (_, e) => <PersonCell e={e} /> },
    { title: t('audit.col.action'), render: (_, e) => <ActionCell e={e} /> },
    {
      title: t('audit.col.object'),
      render: (_, e) => (
        <Flex vertical>
          <Typography.Text>{tk('audit.object', e.objectType, e.objectType)}</Typography.Text>
          {e.objectId && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.objectId}</Typography.Text>}
          {e.applicationId && (
            <Space size="small">
              <Link to={`/department/applications/${e.applicationId}`}>{t('audit.openApplication')}</Link>
              <Link to={`?objectId=${e.applicationId}`}>{t('audit.caseHistory')}</Link>
            </Space>
          )}
        </Flex>
      ),
    },
    { title: t('audit.col.requestId'), render: (_, e) => <Typography.Text type="secondary" copyable={{ text: e.requestId }} style={{ fontSize: 12 }}>{e.requestId.slice(0, 8)}</Typography.Text>, responsive: ['lg'] },
    { title: t('audit.col.outcome'), render: (_, e) => <Tag color={e.outcome === 'succeeded' ? 'success' : 'error'}>{tk('audit.outcome', e.outcome, e.outcome)}</Tag> },
  ];

  const initial = {
    ...search,
    days: search.fromDay && search.toDay ? [dayjs(search.fromDay), dayjs(search.toDay)] : undefined,
  };
  return (
    <Card title={t('audit.title')}>
      <Typography.Paragraph type="secondary">{t('audit.intro', { months: r.data?.retentionMonths ?? 6 })}</Typography.Paragraph>
      <Form form={form} key={JSON.stringify(search)} layout="vertical" initialValues={initial} onFinish={onFinish}>
        <Flex wrap gap="small" align="end">
          <Form.Item name="actor" label={t('audit.filter.actor')} style={{ minWidth: 220 }}>
            <Input allowClear maxLength={100} />
          </Form.Item>
          <Form.Item name="role" label={t('audit.filter.role')} style={{ minWidth: 160 }}>
            <Select allowClear placeholder={t('audit.filter.role.all')} options={AUDIT_ROLES.map((r) => ({ value: r, label: tk('role', r, r) }))} />
          </Form.Item>
          <Form.Item name="action" label={t('audit.filter.action')} style={{ minWidth: 220 }}>
            <Select allowClear showSearch optionFilterProp="label" placeholder={t('audit.filter.action.all')} options={LABELLED_ACTIONS.map((a) => ({ value: a, label: `${tk('audit.action', a, a)}（${a}）` }))} />
          </Form.Item>
          <Form.Item name="outcome" label={t('audit.filter.outcome')} style={{ minWidth: 130 }}>
            <Select allowClear placeholder={t('audit.filter.outcome.all')} options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: tk('audit.outcome', o, o) }))} />
          </Form.Item>
          <Form.Item name="days" label={t('audit.filter.time')}>
            <DatePicker.RangePicker format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="organisation" label={t('audit.filter.organisation')} style={{ minWidth: 260 }}>
            <Input allowClear maxLength={80} />
          </Form.Item>
          <Form.Item name="objectId" label={t('audit.filter.object')} style={{ minWidth: 300 }}>
            <Input allowClear maxLength={200} />
          </Form.Item>
          <Form.Item name="requestId" label={t('audit.filter.requestId')} style={{ minWidth: 220 }}>
            <Input allowClear maxLength={128} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">{t('audit.filter.search')}</Button>
              <Button onClick={reset}>{t('audit.filter.reset')}</Button>
              <Button loading={exporting} onClick={() => void download()}>{t('audit.export')}</Button>
            </Space>
          </Form.Item>
        </Flex>
      </Form>
      <LoadState {...queryState(r)}>
        <Table<Entry>
          rowKey={(e) => `${e.service}:${e.id}`}
          size="small"
          dataSource={r.data?.items}
          loading={r.isFetching}
          pagination={false}
          locale={{ emptyText: t('audit.empty') }}
          columns={columns}
          data-testid="audit-records"
        />
        <Flex gap="small" justify="end" style={{ marginTop: 12 }}>
          <Button disabled={!search.cursor} onClick={() => setSearch({ cursor: undefined })}>{t('audit.page.first')}</Button>
          <Button disabled={!r.data?.nextCursor} onClick={() => setSearch({ cursor: r.data?.nextCursor ?? undefined })}>{t('audit.page.next')}</Button>
        </Flex>
      </LoadState>
    </Card>
  );
}
