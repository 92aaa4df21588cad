import { ServiceError } from '@firstset/messaging';

/** Refusals of an upload at the edge, before anything is recorded (stable codes, Chinese first). */
export const UploadErrors = {
  invalidFileName: (why: string) =>
    new ServiceError('INVALID_FILE_NAME', 400, '文件名不合法 / The file name is not acceptable', why),
  tooLarge: (limit: number) =>
    new ServiceError('FILE_TOO_LARGE', 413, '文件过大 / File too large', `at most ${limit} bytes may be uploaded here`),
  incomplete: () =>
    new ServiceError('UPLOAD_INCOMPLETE', 400, '上传未完成，请重新上传 / The upload was interrupted; upload again'),
  empty: () => new ServiceError('EMPTY_FILE', 400, '文件为空 / The file is empty'),
  unsupportedType: (detected: string, allowed: string[]) =>
    new ServiceError(
      'UNSUPPORTED_FILE_TYPE',
      415,
      '文件类型不被接受（按文件内容判断） / File type not accepted (decided by the content)',
      `detected ${detected}; accepted: ${allowed.join(', ')}`,
    ),
  pdfActiveContent: (names: string[]) =>
    new ServiceError(
      'PDF_ACTIVE_CONTENT',
      422,
      'PDF 含有脚本、启动动作或嵌入文件，请另存为普通 PDF 后上传 / The PDF contains scripts, launch actions or embedded files; save it as a plain PDF',
      `found ${names.map((n) => `/${n}`).join(', ')}`,
    ),
};
