/**
 * Renders event bodies to HTML for the events loader. A few (an edit in `npm run dev`)
 * render in the loader's own thread, with Astro's render function. Past those (a first
 * load: a cold build, the first `npm run dev` of a new checkout), the rest go to worker
 * threads (src/build/body-worker.ts) running the same pipeline, made from the same
 * options (src/markdown/processor.ts). The loader's thread reads, checks and stores
 * every entry meanwhile: at 10,000 events rendering was about 7 s of its 22 (a CPU
 * profile of `astro sync`; BENCHMARKS.md, seventeenth pass).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AstroConfig, ContentEntryRenderFunction } from 'astro';
import { getBodyOptions } from '../markdown/processor';
import type { BodyJob, BodyResult, BodyWorkerData } from './body-worker';

// Bodies rendered in the loader's thread before worker threads start: a thread costs a start of its own.
const IN_THREAD = 64;
// Worker threads at most: with Astro's ten entries in flight, more would mostly wait.
const MAX_THREADS = 4;

type RenderedContent = Awaited<ReturnType<ContentEntryRenderFunction>>;

/** Renders the bodies of one load; close() once the load is done. */
export class BodyRenderer {
  #asked = 0;
  #threads: BodyThreads | undefined;

  /**
   * @param local Astro's own render function for Markdown
   * @param config Astro's config, whose `markdown` the threads follow
   * @returns a render function: `local` for the first few bodies, worker threads after,
   *   when the config's processor is bodyProcessor's (any other renders in this thread)
   */
  wrap(local: ContentEntryRenderFunction, config: AstroConfig): ContentEntryRenderFunction {
    const options = getBodyOptions(config.markdown.processor);
    const { markdown, image } = config;
    // The settings Astro's Markdown entry type gives the processor (astro/dist/vite-plugin-markdown).
    const data: BodyWorkerData | undefined = options && {
      options,
      // As Astro passes them; its config's types allow an undefined the processor's do not.
      shared: { image, syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: markdown.gfm, smartypants: markdown.smartypants } as BodyWorkerData['shared'],
    };
    // A setting no thread can be handed (a function, say, in Shiki's): every body renders here.
    const threaded = data && canHandOver(data) ? data : undefined;
    return async (entry) => {
      this.#asked += 1;
      if (!threaded || this.#asked <= IN_THREAD) return local(entry);
      this.#threads ??= new BodyThreads(threaded, Math.min(MAX_THREADS, Math.max(1, availableParallelism() - 1)));
      return this.#threads.render(entry).catch((error: unknown) => {
        // An entry whose data no thread can be handed: rendered here.
        if (error instanceof DOMException && error.name === 'DataCloneError') return local(entry);
        throw error;
      });
    };
  }

  /** Stops the worker threads, if any started. */
  async close(): Promise<void> {
    const threads = this.#threads;
    this.#threads = undefined;
    await threads?.close();
  }
}

/** @returns whether `value` can be handed to a worker thread */
function canHandOver(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** Worker threads sharing the bodies, each given the next body while it has the fewest waiting. */
class BodyThreads {
  readonly #threads: { worker: Worker; waiting: number }[];
  readonly #waiting = new Map<number, { resolve: (rendered: RenderedContent) => void; reject: (error: Error) => void }>();
  #jobs = 0;
  #failure: Error | undefined;

  constructor(data: BodyWorkerData, count: number) {
    this.#threads = Array.from({ length: count }, () => {
      const thread = { worker: new Worker(new URL('./body-worker.ts', import.meta.url), { workerData: data }), waiting: 0 };
      thread.worker.on('message', (result: BodyResult) => {
        thread.waiting -= 1;
        const waiter = this.#waiting.get(result.job);
        this.#waiting.delete(result.job);
        if ('error' in result) waiter?.reject(result.error);
        else waiter?.resolve({ html: result.html, metadata: result.metadata });
      });
      thread.worker.on('error', (error) => this.#fail(new Error('A thread rendering event bodies failed', { cause: error })));
      thread.worker.on('exit', (code) => this.#fail(new Error(`A thread rendering event bodies stopped (exit code ${code})`)));
      return thread;
    });
  }

  render(entry: Parameters<ContentEntryRenderFunction>[0]): Promise<RenderedContent> {
    if (this.#failure) return Promise.reject(this.#failure);
    const thread = this.#threads.reduce((least, other) => (other.waiting < least.waiting ? other : least));
    const job = this.#jobs++;
    return new Promise((resolve, reject) => {
      // Throws, before anything waits, when the entry's data cannot be handed over.
      const message: BodyJob = { job, body: entry.body ?? '', frontmatter: entry.data, filePath: entry.filePath };
      thread.worker.postMessage(message);
      thread.waiting += 1;
      this.#waiting.set(job, { resolve, reject });
    });
  }

  /** Fails every body still waiting, and every body asked for later. */
  #fail(error: Error): void {
    this.#failure ??= error;
    for (const { reject } of this.#waiting.values()) reject(this.#failure);
    this.#waiting.clear();
  }

  async close(): Promise<void> {
    // Stopped on purpose: not a failure.
    for (const { worker } of this.#threads) worker.removeAllListeners('exit');
    await Promise.all(this.#threads.map(({ worker }) => worker.terminate()));
  }
}
