/**
 * A worker thread that renders event bodies to HTML with the same pipeline as Astro's
 * config (src/markdown/processor.ts), for src/build/body-renderer.ts. Run by plain
 * Node, so its relative imports name their `.ts`.
 */
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { bodyProcessor, type BodyOptions } from '../markdown/processor.ts';

/** What a worker is started with: the pipeline's options, and the settings Astro gives every Markdown renderer. */
export interface BodyWorkerData {
  options: BodyOptions;
  shared: Parameters<ReturnType<typeof bodyProcessor>['createRenderer']>[0];
}

/** One body to render, as Astro hands it to a render function. */
export interface BodyJob {
  job: number;
  body: string;
  frontmatter: Record<string, unknown>;
  filePath: string | undefined;
}

/** The HTML and metadata Astro's own render function would give, or why there is none. */
export type BodyResult = { job: number; html: string; metadata: Record<string, unknown> } | { job: number; error: Error };

const { options, shared } = workerData as BodyWorkerData;
const renderer = await bodyProcessor(options).createRenderer(shared);

parentPort?.on('message', async ({ job, body, frontmatter, filePath }: BodyJob) => {
  let result: BodyResult;
  try {
    // As Astro's Markdown entry type renders an entry (astro/dist/vite-plugin-markdown).
    const { code, metadata } = await renderer.render(body, { frontmatter, ...(filePath && { fileURL: pathToFileURL(filePath) }) });
    result = { job, html: code, metadata: { ...metadata, imagePaths: metadata.localImagePaths.concat(metadata.remoteImagePaths) } };
  } catch (error) {
    result = { job, error: error instanceof Error ? error : new Error(String(error)) };
  }
  parentPort?.postMessage(result);
});
