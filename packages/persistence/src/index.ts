export * from './schema-name';
export * from './migrations-folder';
export * from './migrate';
export * from './roles';
