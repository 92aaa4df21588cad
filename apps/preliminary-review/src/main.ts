import 'reflect-metadata';
import { bootstrapService } from '@firstset/service-kit';
import { loadConfig } from './config';
import { preliminaryReviewModule } from './preliminary-review.module';

const config = loadConfig();
bootstrapService(preliminaryReviewModule(config), config).catch(() => process.exit(1));
