import { loadServiceConfig } from '@firstset/service-kit';

export const SERVICE_NAME = 'publicity';
export const loadConfig = () => loadServiceConfig(SERVICE_NAME, { healthPort: 3104 });
