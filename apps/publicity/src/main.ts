import 'reflect-metadata';
import { bootstrapService } from '@firstset/service-kit';
import { loadConfig } from './config';
import { publicityModule } from './publicity.module';

const config = loadConfig();
bootstrapService(publicityModule(config), config).catch(() => process.exit(1));
