import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import pinoHttp from 'pino-http';
import { EDGE_LIMITS } from '@firstset/contracts';
import { createLogger, httpMetrics, httpTracing, NestPinoLogger } from '@firstset/service-kit';
import { GatewayConfig } from './config';
import { gatewayModule } from './gateway.module';
import { securityHeaders } from './http/content-security-policy';
import { edgeJsonBody, JSON_MEDIA_TYPES } from './http/edge-json';
import { serveOpenApi } from './http/openapi';
import { requestId } from './http/request-id';
import { gatewayValidationPipe } from './http/validation-failed';
import { webAssets } from './http/web-assets';

/** The HTTP application, configured; `main.ts` listens, tests listen on a free port. */
export async function createGatewayApp(config: GatewayConfig): Promise<INestApplication> {
  const logger = createLogger('gateway', config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(gatewayModule(config), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
  });
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  // The span first (a no-op unless tracing is on), so the whole request and its NATS calls are in it;
  // metrics by route pattern (ADR 0037). Neither is served here: /metrics is on the health port.
  app.use(httpTracing);
  app.use(httpMetrics);
  // The request id first, so that even a body that fails to parse is answered with its id.
  app.use(requestId);
  // JSON bodies are read as text and parsed under the edge's rules (ADR 0011): depth before parsing.
  app.useBodyParser('text', { type: JSON_MEDIA_TYPES, limit: EDGE_LIMITS.maxJsonBytes });
  app.use(edgeJsonBody);
  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => (req as unknown as { id: string }).id,
      customProps: (req) => ({ requestId: (req as unknown as { id: string }).id }),
      // One line per request at info; when info is off, none is built at all (a tenth of a request's CPU).
      autoLogging: logger.isLevelEnabled('info') ? { ignore: (req) => req.url?.startsWith('/api/health') ?? false } : false,
    }),
  );
  app.use(securityHeaders());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(gatewayValidationPipe());
  app.enableShutdownHooks();
  // The API documentation only where API_DOCS=public (the default outside production).
  if (config.apiDocs === 'public') serveOpenApi(app, config.publicBaseUrl);
  // The built web app: its files, precompressed and cached by name, and index.html for client routes.
  if (config.webDistDir) app.use(webAssets(config.webDistDir));
  return app;
}
