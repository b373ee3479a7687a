/**
 * Reads a Worker isolate's JavaScript heap through workerd's inspector (the Chrome DevTools
 * protocol Miniflare exposes with `inspectorPort`): what the Worker itself holds, apart from the
 * runtime's own memory, which the process's resident size mixes in.
 */
import WebSocket from "ws";

export interface HeapReading {
  /** Bytes in use on the isolate's heap, as found (garbage included). */
  usedBytes: number;
}

export interface IsolateHeap {
  /** The heap in use now. */
  read(): Promise<HeapReading>;
  /** The heap in use right after a full garbage collection: what the Worker really keeps. */
  live(): Promise<HeapReading>;
  close(): void;
}

/**
 * Connects to the isolate of the named Worker ("core:user:<name>" in Miniflare's inspector list).
 * `wake` sends the Worker a request: workerd runs a requested collection only once the isolate next
 * has work, so an idle Worker is woken until the collection is done.
 */
export async function connectIsolateHeap(inspectorPort: number, workerName: string, wake: () => Promise<unknown>): Promise<IsolateHeap> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as Array<{
    title: string;
    webSocketDebuggerUrl: string;
  }>;
  const target = targets.find((t) => t.title.endsWith(`core:user:${workerName}`));
  if (target === undefined) {
    throw new Error(`no isolate for Worker "${workerName}" on inspector port ${inspectorPort}: ${targets.map((t) => t.title).join(", ")}`);
  }
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (waiter === undefined || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`inspector: ${message.error.message}`));
    else waiter.resolve(message.result);
  });
  const call = (method: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method }));
    });
  const read = async (): Promise<HeapReading> => {
    const usage = (await call("Runtime.getHeapUsage")) as { usedSize: number };
    return { usedBytes: usage.usedSize };
  };
  return {
    read,
    async live() {
      await call("HeapProfiler.enable");
      let collected = false;
      const collection = call("HeapProfiler.collectGarbage").then(() => {
        collected = true;
      });
      for (let tries = 0; !collected; tries++) {
        if (tries === 100) throw new Error(`the isolate of "${workerName}" did not collect its garbage`);
        await wake();
        await Promise.race([collection, new Promise((resolve) => setTimeout(resolve, 100))]);
      }
      return read();
    },
    close: () => socket.close(),
  };
}
