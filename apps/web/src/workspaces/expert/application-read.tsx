import { Button, Card, Descriptions, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { INNER_MONGOLIA_DRAFT_PROFILE } from '@firstset/domain';
import { $api } from '../../shared/api/query';
import type { MaterialFile } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../shared/ui/states';
import { MaterialViewer } from '../../features/material-viewer/material-viewer';
import { fieldName, fileSize } from '../../features/application-viewer/review-format';
import { ipRightLine, useShowValue } from '../../features/application-viewer/changes-panel';
import { ReviewFacts } from '../../features/review-panel/review-parts';
import type { ReviewView } from '../../features/review-panel/types';

/** The fields of a submitted version, in the order of the form. */
const FIELDS = ['productKind', 'productName', 'series', 'model', 'rdCompletedOn', 'catalogueEntryCode', 'firstSale', 'innovationPoints', 'performanceIndicators', 'ipList', 'sales', 'materials'] as const;

/** A material slot's name (M7.4) in the UI's language; an unknown slot as its id. */
function useSlotName() {
  const { locale } = useI18n();
  return (slotId: string) => {
    const slot = INNER_MONGOLIA_DRAFT_PROFILE.materials.find((m) => m.slotId === slotId);
    return slot ? `${slot.item}. ${locale === 'en' ? slot.nameEn : slot.nameZh}` : slotId;
  };
}

type Row = Record<string, unknown>;
const rows = (v: unknown): Row[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Row[]) : []);
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** A field of a submitted version in words: the form's own labels for its tables, codes as names. */
function useFieldText() {
  const { t, tk, locale } = useI18n();
  const show = useShowValue();
  return (field: string, v: unknown): string => {
    switch (field) {
      case 'catalogueEntryCode':
        return typeof v === 'string' ? (fieldName(v, locale) ?? v) : show(field, v);
      case 'firstSale': {
        const s = (v ?? {}) as Row;
        return [text(s.date), text(s.customer)].filter(Boolean).join('，') || show(field, null);
      }
      case 'innovationPoints':
        return Array.isArray(v) && v.length ? v.map((x, i) => `${i + 1}. ${typeof x === 'string' ? x : show('', x)}`).join('\n') : show(field, v);
      case 'performanceIndicators':
        return rows(v)
          .map((r) => `${text(r.name)}：${text(r.value)}（${t('form.indicators.domestic')} ${text(r.domestic)}；${t('form.indicators.foreign')} ${text(r.foreign)}）`)
          .join('\n') || show(field, null);
      case 'ipList':
        return rows(v).map((r) => ipRightLine(r, t, tk)).join('\n') || show(field, null);
      case 'sales':
        return rows(v).map((r) => `${text(r.year)}：${t('form.sales.units')} ${text(r.units)}，${t('form.sales.revenue')} ${text(r.revenueWanYuan)}`).join('\n') || show(field, null);
      // Declarations whose answers are codes: the form's own words for them.
      case 'declarations.legalForm':
        return tk('form.legalForm', text(v));
      case 'declarations.equipmentForm':
        return tk('form.decl.equipmentForm', text(v));
      case 'declarations.breakthroughs':
        return rows(v).map((r) => `${tk('form.decl.breakthrough.kind', text(r.kind))}：${text(r.description)}`).join('\n') || show(field, null);
      default:
        return show(field, v);
    }
  };
}

/** One submitted version as the enterprise filled it, read only, with the declarations. */
function VersionContent({ snapshot }: { snapshot: Record<string, unknown> }) {
  const { t, tk } = useI18n();
  const fieldText = useFieldText();
  const declarations = (snapshot.declarations ?? {}) as Record<string, unknown>;
  return (
    <Descriptions column={1} size="small" bordered>
      {FIELDS.filter((f) => snapshot[f] !== undefined).map((f) => (
        <Descriptions.Item key={f} label={tk('review.field', f, f)}>
          <Typography.Text style={{ whiteSpace: 'pre-line' }}>{fieldText(f, snapshot[f])}</Typography.Text>
        </Descriptions.Item>
      ))}
      {Object.entries(declarations).map(([k, v]) => (
        <Descriptions.Item key={`d-${k}`} label={t('review.field.declaration', { name: tk('form.decl', k, t('review.declaration.other')) })}>
          <Typography.Text style={{ whiteSpace: 'pre-line' }}>{fieldText(`declarations.${k}`, v)}</Typography.Text>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/**
 * The whole application for its expert (M11.1, after the undertaking): the facts of the case,
 * every submitted version with what it changed, and every material in the browser viewer.
 */
export function ApplicationRead({ review }: { review: ReviewView }) {
  const { t, tk } = useI18n();
  const id = review.applicationId;
  const versions = $api.useQuery('get', '/api/reviews/{id}/application/versions', { params: { path: { id } } });
  const materials = $api.useQuery('get', '/api/applications/{id}/materials', { params: { path: { id } } });
  const slotName = useSlotName();
  const [viewing, setViewing] = useState<MaterialFile | null>(null);
  const list = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Flex vertical gap="middle">
      <Card title={t('scoring.case.facts')}>
        <ReviewFacts review={review} />
      </Card>
      <Card title={t('scoring.case.versions')} data-testid="application-versions">
        <LoadState {...queryState(versions)} empty={versions.data ? versions.data.length === 0 : undefined} emptyText={t('scoring.case.versions.none')}>
          <Tabs
            items={list.map((v) => ({
              key: String(v.version),
              label: t('scoring.case.version', { version: v.version }),
              children: (
                <Flex vertical gap="small">
                  <Typography.Text type="secondary">{t('scoring.case.version.meta', { at: formatBeijing(v.submittedAt), hash: v.contentSha256.slice(0, 16) })}</Typography.Text>
                  {Array.isArray(v.changes) && v.changes.length > 0 && (
                    <div>
                      <Typography.Text strong>{t('scoring.case.version.changed')}</Typography.Text>
                      {(v.changes as Array<{ field: string }>).map((c) => (
                        <Tag key={c.field} color="orange">{tk('review.field', c.field.split('.')[0] ?? c.field, c.field)}</Tag>
                      ))}
                    </div>
                  )}
                  <VersionContent snapshot={(v.snapshot ?? {}) as Record<string, unknown>} />
                </Flex>
              ),
            }))}
          />
        </LoadState>
      </Card>
      <Card title={t('scoring.case.materials')} data-testid="application-materials">
        <LoadState {...queryState(materials)} empty={materials.data ? materials.data.length === 0 : undefined} emptyText={t('scoring.case.materials.none')}>
          <Table<MaterialFile>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={materials.data}
            columns={[
              { title: t('scoring.case.material.slot'), render: (_, m) => slotName(m.slotId) },
              { title: t('scoring.case.material.name'), dataIndex: 'fileName' },
              { title: t('scoring.case.material.size'), render: (_, m) => fileSize(m.size, t) },
              { title: t('scoring.case.material.at'), render: (_, m) => formatBeijing(m.uploadedAt) },
              {
                title: t('common.actions'),
                render: (_, m) => (
                  <Button size="small" onClick={() => setViewing(m)} aria-label={t('scoring.case.material.view', { name: m.fileName })}>
                    {t('scoring.case.material.open')}
                  </Button>
                ),
              },
            ]}
          />
        </LoadState>
      </Card>
      <MaterialViewer applicationId={id} file={viewing} onClose={() => setViewing(null)} />
    </Flex>
  );
}
