import 'reflect-metadata';
import { bootstrapService } from '@firstset/service-kit';
import { loadConfig } from './config';
import { complianceModule } from './compliance.module';

const config = loadConfig();
bootstrapService(complianceModule(config), config).catch(() => process.exit(1));
