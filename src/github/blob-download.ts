/**
 * Fetching an artifact's signed blob URL into a file. The URL carries its own signature, so the request
 * goes out without the token, and the query string never reaches a message.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpClient } from '@actions/http-client';
import {
  GitHubError,
  type GitHubErrorContext,
  GitHubRequestError,
  GitHubResponseError,
  GitHubUnavailableError,
} from './errors.js';
import { backoffDelayMs, type RetryPolicy } from './retry.js';

export interface BlobDownloadOptions {
  policy: RetryPolicy;
  timeoutMs: number;
  maxBytes: number;
  sleep: (ms: number) => Promise<void>;
  /** A new signed URL for the same blob, asked for when storage refuses an expired signature. */
  refresh?: () => Promise<string>;
}

/**
 * The runner's proxy (HTTPS_PROXY / NO_PROXY) for `url`, as the API calls use it: the same
 * @actions/http-client dispatcher @actions/github hands to fetch. Undefined when no proxy applies.
 */
function proxyDispatcher(url: URL): RequestInit['dispatcher'] {
  // @actions/http-client bundles its own undici; fetch accepts its dispatcher at run time.
  return new HttpClient('contexta-gate').getAgentDispatcher(url.toString()) as RequestInit['dispatcher'];
}

/** GETs `location` into `destinationFile`, retrying transient failures; returns the bytes written. */
export async function downloadBlob(
  location: string,
  destinationFile: string,
  options: BlobDownloadOptions,
): Promise<number> {
  const { maxBytes } = options;
  let url = new URL(location);
  const shown = `${url.origin}${url.pathname}`;
  const context: GitHubErrorContext = { route: 'GET artifact-blob', path: shown };
  const attempts = options.policy.retries + 1;
  let refreshed = false;
  for (let attempt = 1; ; attempt++) {
    let reason: string;
    try {
      const dispatcher = proxyDispatcher(url);
      const init: RequestInit = {
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: 'follow',
        ...(dispatcher ? { dispatcher } : {}),
      };
      const response = await fetch(url, init);
      if (response.ok && response.body) {
        let bytes = 0;
        const counter = new Transform({
          transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
            bytes += chunk.length;
            if (bytes > maxBytes) callback(new Error(`artifact zip exceeds ${maxBytes} bytes`));
            else callback(null, chunk);
          },
        });
        try {
          await pipeline(
            Readable.fromWeb(response.body as never),
            counter,
            createWriteStream(destinationFile),
          );
          return bytes;
        } catch (error) {
          await rm(destinationFile, { force: true });
          if (bytes > maxBytes) {
            throw new GitHubResponseError(`artifact zip is larger than the ${maxBytes}-byte cap`, context);
          }
          reason = `download interrupted: ${(error as Error).message}`;
        }
      } else {
        await response.body?.cancel();
        // Signed URLs live minutes; one that expired while we backed off is refused with 401/403.
        if ((response.status === 401 || response.status === 403) && options.refresh && !refreshed) {
          refreshed = true;
          url = new URL(await options.refresh());
          attempt -= 1;
          continue;
        }
        if (response.status < 500 && response.status !== 429) {
          throw new GitHubRequestError({
            ...context,
            status: response.status,
            githubMessage: 'blob storage refused the download',
          });
        }
        reason = `blob storage answered ${response.status}`;
      }
    } catch (error) {
      if (error instanceof GitHubError) throw error;
      reason = `network error: ${(error as Error).message}`;
    }
    if (attempt >= attempts) throw new GitHubUnavailableError(reason, { ...context, attempts: attempt });
    await options.sleep(backoffDelayMs(options.policy, attempt));
  }
}
