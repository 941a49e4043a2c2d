import { setTimeout as sleep } from "node:timers/promises";
import v8 from "node:v8";
import vm from "node:vm";

export interface HeapReading {
  /** V8 heap in use, as `process.memoryUsage().heapUsed`. */
  heapUsed: number;
  /** The part of `heapUsed` that is compiled machine code: it grows as the JIT optimizes. */
  code: number;
  /** Memory held outside the V8 heap by JS objects: Buffers, typed arrays. */
  external: number;
}

let collect: (() => void) | undefined;

/**
 * Node's `gc()`. Vitest workers do not run with `--expose-gc`, so the flag is set at
 * runtime; a context created afterwards has `gc` on its global object.
 */
function gcFunction(): () => void {
  if (!collect) {
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as () => void;
  }
  return collect;
}

/**
 * Collects garbage until the heap stops shrinking and reads it. The pauses between
 * collections let closed sockets, timers and finalizers let go of what they hold.
 */
export async function settledHeap(): Promise<HeapReading> {
  const gc = gcFunction();
  let previous = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 10; round++) {
    await sleep(25);
    gc();
    const { heapUsed } = process.memoryUsage();
    if (round >= 3 && previous - heapUsed < 32 * 1024) break;
    previous = heapUsed;
  }
  const { heapUsed, external } = process.memoryUsage();
  const code = v8
    .getHeapSpaceStatistics()
    .filter((space) => space.space_name.startsWith("code"))
    .reduce((sum, space) => sum + space.space_used_size, 0);
  return { heapUsed, code, external };
}

/** Open TCP sockets that keep this process alive, client and server side alike. */
export function openTcpSockets(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === "TCPSocketWrap").length;
}
