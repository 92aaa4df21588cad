import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, theme, Typography } from 'antd';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { ReviewFacts } from '../../features/review-panel/review-parts';
import { showRefusalAt } from '../../features/review-panel/refusal';
import { validScore } from './score-rule';
import type { ReviewView } from '../../features/review-panel/types';

interface ScoreForm {
  score: number;
  opinion: string;
}

/**
 * What the service lets an expert see of an accepted application, and the score form with the
 * service's rules checked at the field; a refusal about the score (already scored) shows there too.
 */
export function ScoreDrawer({ review, onClose, onScored }: { review: ReviewView; onClose(): void; onScored(): void }) {
  const { t, title } = useI18n();
  const { message, modal } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm<ScoreForm>();
  const invalidate = useInvalidate();
  // A score moves the task to the scored tab, and the institution's list shows it.
  const submit = $api.useMutation('post', '/api/reviews/{id}/score', { onSuccess: () => invalidate('/api/reviews/search', '/api/reviews') });
  // A score cannot be changed once submitted (M11.1): confirm first, saying what follows.
  const onFinish = (v: ScoreForm) =>
    modal.confirm({
      title: t('expert.score.confirm.title'),
      content: t('expert.score.confirm', { score: v.score }),
      okText: t('expert.score.submit'),
      cancelText: t('common.cancel'),
      onOk: () => score(v),
    });
  const score = async (v: ScoreForm) => {
    try {
      await submit.mutateAsync({ params: { path: { id: review.applicationId } }, body: { score: v.score, opinion: v.opinion.trim() } });
      message.success(t('expert.scored'));
      onScored();
    } catch (err) {
      showRefusalAt(err, ['ALREADY_SCORED'], 'score', form, title, message);
    }
  };
  return (
    <Drawer open size={760} title={t('expert.score.title', { no: review.applicationNo })} onClose={onClose} destroyOnHidden>
      <Flex vertical gap="large">
        <section aria-label={t('expert.score.facts')}>
          <Typography.Title level={5}>{t('expert.score.facts')}</Typography.Title>
          <ReviewFacts review={review} />
        </section>
        <section aria-label={t('expert.score.form')}>
          <Typography.Title level={5}>{t('expert.score.form')}</Typography.Title>
          <Alert type="info" showIcon title={t('expert.score.once')} style={{ marginBottom: token.marginMD }} />
          <Form form={form} name="score" layout="vertical" onFinish={onFinish}>
            <Form.Item
              name="score"
              label={t('panel.score')}
              extra={t('expert.score.hint')}
              rules={[
                { required: true, message: t('common.required', { label: t('panel.score') }) },
                { validator: (_, v) => (v === undefined || v === null || validScore(v) ? Promise.resolve() : Promise.reject(new Error(t('expert.score.rule')))) },
              ]}
            >
              {/* No min/max here: the field would silently clamp 101 to 100 instead of saying why. */}
              <InputNumber style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="opinion"
              label={t('panel.opinion')}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { label: t('panel.opinion') }) },
                { max: 4000, message: t('expert.score.opinion.max') },
              ]}
            >
              <Input.TextArea rows={6} placeholder={t('expert.score.opinion.placeholder')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submit.isPending}>{t('expert.score.submit')}</Button>
          </Form>
        </section>
      </Flex>
    </Drawer>
  );
}
