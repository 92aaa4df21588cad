import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import pinoHttp from 'pino-http';
import { createLogger, NestPinoLogger } from '@firstset/service-kit';
import { GatewayConfig } from './config';
import { gatewayModule } from './gateway.module';
import { serveOpenApi } from './http/openapi';
import { requestId } from './http/request-id';

/** The HTTP application, configured; `main.ts` listens, tests listen on a free port. */
export async function createGatewayApp(config: GatewayConfig): Promise<INestApplication> {
  const logger = createLogger('gateway', config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(gatewayModule(config), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
  });
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  // The request id first, so that even a body that fails to parse is answered with its id.
  app.use(requestId);
  app.useBodyParser('json', { limit: '1mb' });
  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => (req as unknown as { id: string }).id,
      customProps: (req) => ({ requestId: (req as unknown as { id: string }).id }),
      autoLogging: { ignore: (req) => req.url?.startsWith('/api/health') ?? false },
    }),
  );
  // The Swagger UI needs inline scripts and styles on its own page only.
  app.use(helmet({ contentSecurityPolicy: false }));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.enableShutdownHooks();
  serveOpenApi(app, config.publicBaseUrl);
  return app;
}
