import type { Browser, CDPSession, Page } from "playwright-core";

export interface HeapReading {
  page: number;
  workers: number[];
}

/**
 * JS heap in use after a forced garbage collection, on the page and on each of its
 * dedicated workers (MapLibre's). Workers are reached through a browser-level CDP session:
 * attached non-flattened, commands and replies travel as Target messages.
 */
export class HeapMeter {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(
    private readonly pageSession: CDPSession,
    private readonly browserSession: CDPSession,
    private readonly workerSessions: string[],
  ) {
    browserSession.on("Target.receivedMessageFromTarget", ({ message }) => {
      const reply = JSON.parse(message) as { id?: number; result?: unknown; error?: { message: string } };
      if (reply.id === undefined) return;
      this.pending.get(reply.id)?.(reply.error ? new Error(reply.error.message) : reply.result);
      this.pending.delete(reply.id);
    });
  }

  static async attach(browser: Browser, page: Page): Promise<HeapMeter> {
    const pageSession = await page.context().newCDPSession(page);
    const browserSession = await browser.newBrowserCDPSession();
    const { targetInfos } = (await browserSession.send("Target.getTargets")) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const { targetInfo: own } = (await pageSession.send("Target.getTargetInfo")) as { targetInfo: { targetId: string } };
    // Dedicated workers are listed by the browser with their parent's id only through
    // auto-attach; here every worker target whose URL is a blob of this page's origin counts.
    const origin = new URL(page.url()).origin;
    const workers = targetInfos.filter((t) => t.type === "worker" && t.url.startsWith(`blob:${origin}`));
    const sessions: string[] = [];
    for (const w of workers) {
      const { sessionId } = (await browserSession.send("Target.attachToTarget", { targetId: w.targetId, flatten: false })) as {
        sessionId: string;
      };
      sessions.push(sessionId);
    }
    void own;
    return new HeapMeter(pageSession, browserSession, sessions);
  }

  get workerCount(): number {
    return this.workerSessions.length;
  }

  private sendToWorker(sessionId: string, method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    const reply = new Promise<unknown>((done, fail) => {
      this.pending.set(id, (r) => (r instanceof Error ? fail(r) : done(r)));
      setTimeout(() => fail(new Error(`worker ${method}: no reply in 30 s`)), 30_000).unref?.();
    });
    void this.browserSession.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) });
    return reply;
  }

  async read(): Promise<HeapReading> {
    // Twice: objects kept only by weak references and finalizers go in the second collection.
    await this.pageSession.send("HeapProfiler.collectGarbage");
    await this.pageSession.send("HeapProfiler.collectGarbage");
    const page = ((await this.pageSession.send("Runtime.getHeapUsage")) as { usedSize: number }).usedSize;
    const workers: number[] = [];
    for (const session of this.workerSessions) {
      await this.sendToWorker(session, "HeapProfiler.collectGarbage");
      await this.sendToWorker(session, "HeapProfiler.collectGarbage");
      workers.push(((await this.sendToWorker(session, "Runtime.getHeapUsage")) as { usedSize: number }).usedSize);
    }
    return { page, workers };
  }

  async detach(): Promise<void> {
    await this.pageSession.detach();
    await this.browserSession.detach();
  }
}
