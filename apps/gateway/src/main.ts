import 'reflect-metadata';
import { loadGatewayConfig } from './config';
import { createGatewayApp } from './app';

async function main() {
  const config = loadGatewayConfig();
  const app = await createGatewayApp(config);
  await app.listen(config.port, '0.0.0.0');
}

main().catch((err) => {
  process.stderr.write(`gateway failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
