/** What one build target did. */
export type TargetResult =
  { target: string; built: false } | { target: string; built: true; summary: string; ms: number };

/** A failure with a message meant for the developer as is: the CLI prints it without a stack. */
export class BuildError extends Error {
  override name = 'BuildError';
}
