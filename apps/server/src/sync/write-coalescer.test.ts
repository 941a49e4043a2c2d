import { describe, expect, it } from "vitest";
import { WriteCoalescer } from "./write-coalescer.js";

/** A write whose calls finish only when the test says so. */
function gatedWrite() {
  const calls: { rows: readonly string[]; finish: (error?: Error) => void }[] = [];
  const write = (rows: readonly string[]) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push({
        rows,
        finish: (error) => (error ? reject(error) : resolve(rows.map((row) => `stored ${row}`))),
      });
    });
  return { calls, write };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("WriteCoalescer", () => {
  it("writes alone at once, then coalesces what waited into one write and answers each caller", async () => {
    const { calls, write } = gatedWrite();
    const coalescer = new WriteCoalescer(write, 10, 1);
    const first = coalescer.add(["a"]);
    await tick();
    const second = coalescer.add(["b", "c"]);
    const third = coalescer.add(["d"]);
    await tick();
    expect(calls.map((call) => call.rows)).toEqual([["a"]]);

    calls[0]!.finish();
    expect(await first).toEqual(["stored a"]);
    await tick();
    expect(calls.map((call) => call.rows)).toEqual([["a"], ["b", "c", "d"]]);
    calls[1]!.finish();
    expect(await second).toEqual(["stored b", "stored c"]);
    expect(await third).toEqual(["stored d"]);
  });

  it("runs several writes at once up to the limit, then coalesces what waited under the row limit", async () => {
    const { calls, write } = gatedWrite();
    const coalescer = new WriteCoalescer(write, 3, 2);
    const results = [["a", "b"], ["c", "d"], ["e"], ["f", "g"], ["h", "i"]].map((rows) =>
      coalescer.add(rows),
    );
    await tick();
    expect(calls.map((call) => call.rows)).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    calls[0]!.finish();
    await tick();
    // "h", "i" would make four rows: it waits for the next write.
    expect(calls.map((call) => call.rows).slice(2)).toEqual([["e", "f", "g"]]);
    calls[1]!.finish();
    await tick();
    expect(calls.map((call) => call.rows).slice(3)).toEqual([["h", "i"]]);
    calls[2]!.finish();
    calls[3]!.finish();
    expect((await Promise.all(results)).flat()).toEqual(
      ["a", "b", "c", "d", "e", "f", "g", "h", "i"].map((row) => `stored ${row}`),
    );
  });

  it("fails every caller of a failed write, and the next write goes on", async () => {
    const { calls, write } = gatedWrite();
    const coalescer = new WriteCoalescer(write, 10, 1);
    const first = coalescer.add(["a"]);
    await tick();
    const second = coalescer.add(["b"]);
    calls[0]!.finish(new Error("disk full"));
    await expect(first).rejects.toThrow("disk full");
    await tick();
    calls[1]!.finish();
    expect(await second).toEqual(["stored b"]);
  });
});
