import 'reflect-metadata';
import { loadGatewayConfig } from './config';
import { startTracing } from '@firstset/service-kit';
import { createGatewayApp } from './app';

async function main() {
  const config = loadGatewayConfig();
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (ADR 0037); before the app, so its spans have the SDK.
  startTracing('gateway');
  const app = await createGatewayApp(config);
  const server = app.getHttpServer() as import('node:http').Server;
  // Idle keep-alive connections outlive a proxy's (60 s is the common upstream default): with
  // Node's 5 s, a client or proxy reusing a connection as the gateway closes it gets a reset.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await app.listen(config.port, '0.0.0.0');
}

main().catch((err) => {
  process.stderr.write(`gateway failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
