import { Radio } from 'antd';
import { useI18n } from '../../../../../shared/i18n/i18n';

/** A labelled yes/no: the radio group carries the question as its accessible name. */
export function YesNo({
  label,
  disabled,
  ...rest
}: {
  label: string;
  disabled: boolean;
  value?: boolean;
  onChange?: (v: boolean) => void;
  id?: string;
}) {
  const { t } = useI18n();
  return (
    <Radio.Group
      {...rest}
      role="radiogroup"
      aria-label={label}
      disabled={disabled}
      onChange={(e) => rest.onChange?.(e.target.value as boolean)}
      options={[
        { value: true, label: t('common.yes') },
        { value: false, label: t('common.no') },
      ]}
    />
  );
}
