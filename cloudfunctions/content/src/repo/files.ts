import { isPublicFile } from '../../../../contract/rules';
import { app } from '../../../_shared/repo/db';

/** Temporary URLs handed to the client stay valid this long (the client may show cached pages for a while). */
const TEMP_URL_MAX_AGE_S = 24 * 3600;
/** CloudBase answers at most this many files per `getTempFileURL` call. */
const FILES_PER_CALL = 50;

/**
 * Temporary download URLs for cloud files, by fileID. Only files in the public folders are signed
 * (a body naming `exports/…` or any other path gets no link); a file that is missing, or a storage
 * service that fails, only leaves its URL out: the page still shows everything else.
 */
export async function tempFileUrls(fileIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)].filter(isPublicFile);
  const urls = new Map<string, string>();
  for (let i = 0; i < unique.length; i += FILES_PER_CALL) {
    const chunk = unique.slice(i, i + FILES_PER_CALL);
    try {
      const { fileList } = await app.getTempFileURL({
        fileList: chunk.map((fileID) => ({ fileID, maxAge: TEMP_URL_MAX_AGE_S })),
      });
      for (const file of fileList ?? []) {
        if (file.code === 'SUCCESS' && file.tempFileURL) urls.set(file.fileID, file.tempFileURL);
      }
    } catch (error) {
      console.error('getTempFileURL failed:', error);
    }
  }
  return urls;
}
