import { app } from './db';

/** Uploads bytes to cloud storage; answers the fileID. */
export async function uploadFile(cloudPath: string, content: Buffer): Promise<string> {
  const { fileID } = (await app.uploadFile({ cloudPath, fileContent: content })) as { fileID?: string };
  if (!fileID) throw new Error(`upload of ${cloudPath} answered no fileID`);
  return fileID;
}

/** A download link valid for `maxAgeSeconds`. */
export async function temporaryUrl(fileId: string, maxAgeSeconds: number): Promise<string> {
  const { fileList } = (await app.getTempFileURL({
    fileList: [{ fileID: fileId, maxAge: maxAgeSeconds }],
  })) as { fileList?: { tempFileURL?: string; code?: string }[] };
  const file = fileList?.[0];
  if (!file?.tempFileURL || (file.code && file.code !== 'SUCCESS')) {
    throw new Error(`no temporary URL for ${fileId}: ${file?.code ?? 'no answer'}`);
  }
  return file.tempFileURL;
}

/** Deletes files; answers how many are gone (deleted now, or already missing). */
export async function deleteFiles(fileIds: string[]): Promise<number> {
  if (fileIds.length === 0) return 0;
  const { fileList } = (await app.deleteFile({ fileList: fileIds })) as {
    fileList?: { fileID: string; code?: string }[];
  };
  return (fileList ?? []).filter((file) => file.code === 'SUCCESS' || file.code === 'STORAGE_FILE_NONEXIST')
    .length;
}
