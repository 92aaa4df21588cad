import { INestApplication, LoggerService, LogLevel, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JetStreamServer, NatsRpcServer } from '@firstset/messaging';
import { createLogger, NestPinoLogger } from './logger';
import { ServiceConfig } from './config';
import { startTracing } from './tracing';

/**
 * A service as a Nest hybrid application: commands and queries on Nest's NATS transport
 * (`NatsRpcServer`, a queue group per service), events on the JetStream transport
 * (`JetStreamServer`), both sharing the module's providers. The HTTP side is never listened on:
 * health is served by the kit's own small server (ServiceLifecycle).
 */
export async function startService(module: Type<unknown>, logger: LoggerService | LogLevel[] | false): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger, bodyParser: false, abortOnError: false });
  const rpc = app.get(NatsRpcServer, { strict: false });
  if (!rpc) throw new Error('no NatsRpcServer: the messaging options lack actorVerifyKey');
  app.connectMicroservice({ strategy: rpc }, { inheritAppConfig: true });
  app.connectMicroservice({ strategy: app.get(JetStreamServer, { strict: false }) }, { inheritAppConfig: true });
  await app.init();
  await app.startAllMicroservices();
  return app;
}

/** Boots a service process: logger, the hybrid application, shutdown on SIGTERM/SIGINT. */
export async function bootstrapService(module: Type<unknown>, config: ServiceConfig): Promise<INestApplication> {
  const logger = createLogger(config.serviceName, config.logLevel);
  // Before anything handles a message, so every span has the SDK (off unless OTLP is configured).
  if (startTracing(config.serviceName)) logger.info('tracing on: spans exported over OTLP');
  try {
    const app = await startService(module, new NestPinoLogger(logger));
    app.enableShutdownHooks();
    return app;
  } catch (err) {
    logger.fatal({ err }, 'service failed to start');
    throw err;
  }
}
