export * from './object-storage';
export * from './filesystem-object-storage';
export * from './upload-inspector';
export * from './media-type';
export * from './pdf-streams';
export * from './s3-object-storage';
