import { loadServiceConfig } from '@firstset/service-kit';

export const SERVICE_NAME = 'oversight';
export const loadConfig = () => loadServiceConfig(SERVICE_NAME, { healthPort: 3106 });
