import { Flex } from 'antd';
import type { ApplicationDraft } from '../../../../shared/api/views';
import { FirstSaleCard } from './product/first-sale-card';
import { IdentityCard } from './product/identity-card';
import { IndicatorRows } from './product/indicator-rows';
import { InnovationPoints } from './product/innovation-points';
import { IpRows } from './product/ip-rows';
import { SalesRows } from './product/sales-rows';

/** Step 1: the product, its field in the catalogue (M4.2), first sale, innovation, indicators, IP and sales. */
export function ProductStep({ application, disabled }: { application: ApplicationDraft; disabled: boolean }) {
  return (
    <Flex vertical gap="middle">
      <IdentityCard application={application} disabled={disabled} />
      <FirstSaleCard disabled={disabled} />
      <InnovationPoints disabled={disabled} />
      <IndicatorRows disabled={disabled} />
      <IpRows disabled={disabled} />
      <SalesRows disabled={disabled} />
    </Flex>
  );
}
