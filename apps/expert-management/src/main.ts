import 'reflect-metadata';
import { bootstrapService } from '@firstset/service-kit';
import { loadConfig } from './config';
import { expertManagementModule } from './expert-management.module';

const config = loadConfig();
bootstrapService(expertManagementModule(config), config).catch(() => process.exit(1));
