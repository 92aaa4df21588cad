import { loadServiceConfig } from '@firstset/service-kit';

export const SERVICE_NAME = 'expert-management';
export const loadConfig = () => loadServiceConfig(SERVICE_NAME, { healthPort: 3103 });
