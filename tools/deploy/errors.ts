/** A step against the cloud failed in a way the developer can act on; the message says which. */
export class DeployError extends Error {
  override name = 'DeployError';
}

/**
 * Runs one step against the cloud; a failure names the step and keeps the platform's message and
 * request ID (what Tencent Cloud support asks for), without a stack trace of the SDK's insides.
 */
export async function attempt<T>(step: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DeployError) throw error;
    const { message, requestId } = error as { message?: string; requestId?: string };
    throw new DeployError(
      `${step}: ${message ?? String(error)}${requestId ? ` (RequestId ${requestId})` : ''}`,
    );
  }
}
