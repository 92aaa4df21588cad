import 'reflect-metadata';
import { bootstrapService } from '@firstset/service-kit';
import { loadConfig } from './config';
import { oversightModule } from './oversight.module';

const config = loadConfig();
bootstrapService(oversightModule(config), config).catch(() => process.exit(1));
