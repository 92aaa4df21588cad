import { ServiceError } from '@firstset/messaging';
import type { ContentRefusal } from '@firstset/object-storage';

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
  /** The malware scan found something (ADR 0034): the file is refused, nothing is stored. */
  malware: (signature: string) =>
    new ServiceError(
      'MALWARE_FOUND',
      422,
      `文件未通过病毒扫描（检出 ${signature}），已拒收 / The file failed the malware scan (found ${signature}) and was refused`,
      'scan the file on your own computer, or obtain a clean copy from its source, before uploading it again',
    ),
  /** No verdict from the scanner (down, too slow, or the file too large for it): fail closed. */
  scanUnavailable: (why: string) =>
    new ServiceError(
      'MALWARE_SCAN_UNAVAILABLE',
      503,
      '病毒扫描服务暂不可用，文件未被接收，请稍后重新上传 / The malware scan is unavailable; the file was not accepted, upload it again later',
      why,
    ),
  /** The object store kept something other than what was sent (its checksum disagrees). */
  storageChecksum: () =>
    new ServiceError('STORAGE_CHECKSUM_MISMATCH', 503, '文件存储校验失败，请重新上传 / The stored file failed its checksum; upload it again'),
  /** What the content inspection found, each with its own code (all 422: the file is well received, its content is refused). */
  refusedContent: (refusal: ContentRefusal) => {
    switch (refusal.reason) {
      case 'active-content':
        return new ServiceError(
          'ACTIVE_CONTENT',
          422,
          '文件含有脚本、宏、自动动作、外部链接或嵌入文件，请另存为普通文件（如“打印为 PDF”）后上传 / The file contains scripts, macros, automatic or external actions, links or embedded files; save it as a plain file (e.g. "print to PDF") and upload again',
          `found ${refusal.found.map((n) => (n.includes('/') || n.includes(' ') ? n : `/${n}`)).join(', ')}`,
        );
      case 'uninspectable':
        return new ServiceError(
          'UNINSPECTABLE_CONTENT',
          422,
          '文件的部分内容无法检查（如已加密或已损坏），请去除密码保护或重新导出后上传 / Part of the file cannot be inspected (encrypted or damaged); remove the protection or export it again',
          refusal.detail,
        );
      case 'embedded-program':
        return new ServiceError(
          'EMBEDDED_PROGRAM',
          422,
          '文件中嵌有可执行程序或 OLE 对象 / The file carries an executable program or an embedded OLE object',
          refusal.detail,
        );
      case 'archive-limits':
        return new ServiceError(
          'ARCHIVE_LIMITS',
          422,
          '文件解压后超出限制（条目数、压缩比或总大小），疑似“压缩炸弹” / The file expands beyond the limits (entries, ratio or total size): a suspected zip bomb',
          refusal.detail,
        );
      case 'malformed-archive':
        return new ServiceError('MALFORMED_ARCHIVE', 422, '文件结构损坏或不合规范 / The file\'s archive structure is damaged or irregular', refusal.detail);
      case 'polyglot':
        return new ServiceError(
          'POLYGLOT',
          422,
          '文件同时是另一种格式（例如 PDF 后附带压缩包或网页），请重新导出后上传 / The file is also another format (e.g. a PDF with an archive or a web page attached); export it again',
          refusal.detail,
        );
    }
  },
};
