// Helpers for tests of the package and of the services that use it: import from
// `@firstset/messaging/testing`. Not for production code.
export { PgExecutor, pgTransactionRunner } from '../pg-executor';
export { createTestSchema, dropTestSchema, deleteNamespaceStreams, testNamespace } from './test-env';
export { freePort, natsServerBinary, startAuthNatsServer, type AuthNatsServer } from './nats-server';
export { clusterConfigPath, startNatsCluster, waitForMetaLeader, type NatsCluster } from './nats-cluster';
