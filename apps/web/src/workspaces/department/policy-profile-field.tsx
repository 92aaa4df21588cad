import { Form, Select, Typography } from 'antd';
import type { PolicyProfile } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';

export const profileKey = (p: Pick<PolicyProfile, 'id' | 'version'>) => `${p.id}@${p.version}`;

/** The profile in force today (the latest effective date not after it), as the server would choose it. */
export function inForceToday(profiles: PolicyProfile[]): string | undefined {
  const today = formatBeijing(new Date(), 'date');
  const candidates = profiles.filter((p) => p.effectiveFrom <= today).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return candidates[0] && profileKey(candidates[0]);
}

/**
 * M15: the version of the Measures every application of the batch is judged by, the one in force
 * today chosen first, with its numbers (publicity days, validity, ban) shown under it.
 */
export function PolicyProfileField({ profiles }: { profiles: PolicyProfile[] | undefined }) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const chosenKey = Form.useWatch('policyProfile', form) as string | undefined;
  const chosen = profiles?.find((p) => profileKey(p) === chosenKey);
  const defaultProfile = profiles && inForceToday(profiles);
  if (defaultProfile === undefined) return null;
  return (
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
        options={profiles?.map((p) => ({
          value: profileKey(p),
          label: t('policy.profile.option', { name: locale === 'en' ? p.nameEn : p.nameZh, version: p.version, from: p.effectiveFrom }),
        }))}
      />
    </Form.Item>
  );
}
