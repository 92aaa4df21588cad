import { loadServiceConfig } from '@firstset/service-kit';

export const SERVICE_NAME = 'preliminary-review';
export const loadConfig = () => loadServiceConfig(SERVICE_NAME, { healthPort: 3102 });
