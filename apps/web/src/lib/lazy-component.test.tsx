// @vitest-environment happy-dom
import { act, cleanup, render, screen } from "@testing-library/react";
import { Suspense } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { lazyComponent } from "./lazy-component";

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

/** A chunk whose arrival the test decides. */
function deferredChunk() {
  let arrive: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const loads: Promise<typeof Greeting>[] = [];
  const load = () => {
    const loading = new Promise<typeof Greeting>((resolve, reject) => {
      arrive = () => resolve(Greeting);
      fail = reject;
    });
    loads.push(loading);
    return loading;
  };
  return { load, arrive: () => arrive(), fail: (error: Error) => fail(error), loads };
}

afterEach(cleanup);

describe("lazyComponent", () => {
  it("renders at once, without its fallback, once preloaded", async () => {
    const chunk = deferredChunk();
    const LazyGreeting = lazyComponent(chunk.load);
    const preloaded = LazyGreeting.preload();
    chunk.arrive();
    await preloaded;

    render(
      <Suspense fallback={<p>Loading…</p>}>
        <LazyGreeting name="Amara" />
      </Suspense>,
    );

    expect(screen.getByText("Hello Amara")).toBeTruthy();
    expect(screen.queryByText("Loading…")).toBeNull();
  });

  it("suspends on a first render before its chunk arrived, then shows it", async () => {
    const chunk = deferredChunk();
    const LazyGreeting = lazyComponent(chunk.load);

    render(
      <Suspense fallback={<p>Loading…</p>}>
        <LazyGreeting name="Sofia" />
      </Suspense>,
    );
    expect(screen.getByText("Loading…")).toBeTruthy();
    await act(() => {
      chunk.arrive();
      return Promise.resolve();
    });

    expect(await screen.findByText("Hello Sofia")).toBeTruthy();
  });

  it("loads its chunk once, however often it is preloaded and rendered", async () => {
    const chunk = deferredChunk();
    const LazyGreeting = lazyComponent(chunk.load);
    void LazyGreeting.preload();
    void LazyGreeting.preload();
    render(
      <Suspense fallback={null}>
        <LazyGreeting name="Ben" />
      </Suspense>,
    );
    await act(() => {
      chunk.arrive();
      return Promise.resolve();
    });

    expect(await screen.findByText("Hello Ben")).toBeTruthy();
    expect(chunk.loads).toHaveLength(1);
  });

  it("tries a chunk that failed to load again on the next preload", async () => {
    const chunk = deferredChunk();
    const LazyGreeting = lazyComponent(chunk.load);
    const first = LazyGreeting.preload();
    chunk.fail(new Error("offline"));
    await expect(first).rejects.toThrow("offline");

    const second = LazyGreeting.preload();
    chunk.arrive();
    await second;

    expect(chunk.loads).toHaveLength(2);
    render(<LazyGreeting name="Lucas" />);
    expect(screen.getByText("Hello Lucas")).toBeTruthy();
  });
});
