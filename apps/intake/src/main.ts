import 'reflect-metadata';
import { bootstrapService } from '@firstset/service-kit';
import { loadConfig } from './config';
import { intakeModule } from './intake.module';

const config = loadConfig();
bootstrapService(intakeModule(config), config).catch(() => process.exit(1));
