import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, NestPinoLogger } from './logger';
import { ServiceConfig } from './config';

/** Boots a NATS-only service: logger, DI container, shutdown on SIGTERM/SIGINT. */
export async function bootstrapService(module: Type<unknown>, config: ServiceConfig): Promise<INestApplicationContext> {
  const logger = createLogger(config.serviceName, config.logLevel);
  try {
    const app = await NestFactory.createApplicationContext(module, { logger: new NestPinoLogger(logger) });
    app.enableShutdownHooks();
    return app;
  } catch (err) {
    logger.fatal({ err }, 'service failed to start');
    throw err;
  }
}
