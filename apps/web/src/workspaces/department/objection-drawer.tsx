import { Button, Descriptions, Drawer, Flex, List, Space, Tag, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../shared/ui/states';
import { useObjectionFileDownload } from '../../features/objections/objection-files';
import { inLocale, STATUS_COLOR, type ObjectionDetail } from '../../features/objections/types';
import { ObjectionActions } from './objection-actions';

/** Files of the case, each a download (authorized and audited by publicity). */
function FileLinks({ objectionId, inquiryId, files }: { objectionId: string; inquiryId?: string; files: ObjectionDetail['attachments'] }) {
  const download = useObjectionFileDownload();
  return (
    <Space orientation="vertical" size={0}>
      {files.map((a) => (
        <Button key={a.sha256} type="link" size="small" style={{ padding: 0 }} data-testid="objection-file" onClick={() => void download(objectionId, a, inquiryId)}>
          {`${a.fileName}（${Math.ceil(a.size / 1024)} KB）`}
        </Button>
      ))}
    </Space>
  );
}

/** The questions put to the parties and their answers. */
function Inquiries({ o }: { o: ObjectionDetail }) {
  const { t, locale } = useI18n();
  if (o.inquiries.length === 0) return <Typography.Text type="secondary">{t('objections.inquiries.none')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={o.inquiries}
      renderItem={(i) => (
        <List.Item>
          <Flex vertical gap={2}>
            <Typography.Text strong>{`${inLocale(locale, i.partyLabel)}（${i.partyRef}） · ${t('objections.inquiry.due', { dueOn: i.dueOn })}`}</Typography.Text>
            <Typography.Text>{i.question}</Typography.Text>
            {i.answer ? <Typography.Text type="success">{i.answer}</Typography.Text> : <Typography.Text type="secondary">{t('objections.inquiry.unanswered')}</Typography.Text>}
            {i.answer && i.attachments.length > 0 && <FileLinks objectionId={o.id} inquiryId={i.id} files={i.attachments} />}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** One objection as the Department handles it: the case, its inquiries and, for an officer, the next steps. */
export function ObjectionDrawer({ id, readOnly, onClose }: { id: string; readOnly: boolean; onClose(): void }) {
  const { t, locale } = useI18n();
  const detail = $api.useQuery('get', '/api/objections/{id}', { params: { path: { id } } });
  const o = detail.data;
  return (
    <Drawer open size="large" onClose={onClose} title={o ? t('objections.drawer.title', { receiptNo: o.receiptNo }) : t('objections.title')} destroyOnHidden>
      <LoadState {...queryState(detail)}>
        {o && (
          <Flex vertical gap="small" data-testid="objection-detail">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('objections.status')}><Tag color={STATUS_COLOR[o.status]}>{inLocale(locale, o.statusLabel)}</Tag></Descriptions.Item>
              <Descriptions.Item label={t('objections.entryState')}>{inLocale(locale, o.entryStateLabel)}</Descriptions.Item>
              <Descriptions.Item label={t('objections.application')}>{`${o.applicationNo} · ${o.enterpriseName} · ${o.productName}`}</Descriptions.Item>
              {o.publicity && <Descriptions.Item label={t('objections.publicity')}>{`${o.publicity.startDate} — ${o.publicity.endDate}`}</Descriptions.Item>}
              <Descriptions.Item label={t('objections.objector')}>{`${o.objectorName}（${t(`objections.form.kind.${o.objectorKind === 'organization' ? 'organization' : 'individual'}`)}）`}</Descriptions.Item>
              <Descriptions.Item label={t('objections.phone')}>{o.phone}</Descriptions.Item>
              {o.email && <Descriptions.Item label={t('objections.email')}>{o.email}</Descriptions.Item>}
              <Descriptions.Item label={t('objections.lodgedAt')}>{formatBeijing(o.lodgedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('objections.grounds')}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{o.grounds}</Typography.Paragraph></Descriptions.Item>
              <Descriptions.Item label={t('objections.files')}>
                {o.attachments.length ? <FileLinks objectionId={o.id} files={o.attachments} /> : t('objections.files.none')}
              </Descriptions.Item>
              {o.assessment && <Descriptions.Item label={t('objections.assessment')}>{o.assessment}</Descriptions.Item>}
              {o.outcomeReason && <Descriptions.Item label={t('objections.outcomeReason')}>{o.outcomeReason}</Descriptions.Item>}
            </Descriptions>
            <Typography.Title level={5}>{t('objections.inquiries')}</Typography.Title>
            <Inquiries o={o} />
            {!readOnly && o.next.length > 0 && <ObjectionActions o={o} />}
          </Flex>
        )}
      </LoadState>
    </Drawer>
  );
}
