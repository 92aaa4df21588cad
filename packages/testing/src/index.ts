export * from './test-env';
export * from './rpc-caller';
export * from './in-process';
export * from './actors';
export * from './http-client';
export * from './events';
export * from './application-fixtures';
export * from './recognition-fixtures';
