/** A failure to build the preview: a file of the app that is missing or does not parse. */
export class PreviewBuildError extends Error {
  override name = 'PreviewBuildError';
}
