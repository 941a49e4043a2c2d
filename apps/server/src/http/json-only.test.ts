import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../test/api-harness.js";
import { useApiHarness } from "../test/partnership-harness.js";
import { LiveServer } from "../test/live-server.js";
import { isJsonMediaType } from "./json-only.js";

const UNSUPPORTED = {
  error: { code: "unsupported_media_type", message: expect.any(String) },
};

describe("isJsonMediaType", () => {
  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON"])(
    "accepts %s",
    (type) => expect(isJsonMediaType(type)).toBe(true),
  );
  it.each([
    undefined,
    "",
    "text/plain",
    "text/plain;charset=UTF-8",
    "application/jsonx",
    "multipart/form-data; boundary=x",
    "application/x-www-form-urlencoded",
  ])("refuses %s", (type) => expect(isJsonMediaType(type)).toBe(false));
});

describe("request bodies must be application/json (in memory)", () => {
  const ctx = useApiHarness();
  let user: TestUser;

  beforeEach(async () => {
    user = await ctx.harness.signup("Ada");
  });

  const send = (path: string, body: string, contentType?: string) =>
    ctx.harness.app.request(path, {
      method: "POST",
      headers: {
        cookie: user.cookie,
        ...(contentType === undefined ? {} : { "content-type": contentType }),
      },
      body,
    });

  it.each([
    ["text/plain", "text/plain;charset=UTF-8"],
    ["a form", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=xyz"],
    ["a look-alike type", "application/json-patch+json"],
  ])("answers 415 to JSON sent as %s, and writes nothing", async (_label, type) => {
    const response = await send("/api/organizations", JSON.stringify({ name: "Sneaky" }), type);

    expect(response.status).toBe(415);
    expect(await response.json()).toEqual(UNSUPPORTED);
    expect(await ctx.harness.store.db.selectFrom("organizations").selectAll().execute()).toEqual(
      [],
    );
  });

  it("answers 415 to a body without a content type", async () => {
    const request = new Request("http://entente.test/api/organizations", {
      method: "POST",
      headers: { cookie: user.cookie },
      body: new Blob([JSON.stringify({ name: "Sneaky" })]),
    });
    const response = await ctx.harness.app.request(request);
    expect(response.status).toBe(415);
  });

  it("takes JSON with a charset", async () => {
    const response = await send(
      "/api/organizations",
      JSON.stringify({ name: "Fine" }),
      "application/json; charset=utf-8",
    );
    expect(response.status).toBe(201);
  });

  it("lets requests without a body through", async () => {
    const response = await ctx.harness.app.request("/api/auth/logout", {
      method: "POST",
      headers: { cookie: user.cookie },
    });
    expect(response.status).toBe(204);
  });
});

describe("request bodies must be application/json (over HTTP)", () => {
  let live: LiveServer;
  let cookie: string;

  beforeAll(async () => {
    live = await LiveServer.start();
    cookie = (await live.signup("Ada")).cookie;
  });

  afterAll(async () => {
    await live.close();
  });

  it("answers 415 to JSON sent as text/plain (what a foreign form can post without a preflight)", async () => {
    const response = await fetch(`${live.url}/api/organizations`, {
      method: "POST",
      headers: { cookie, "content-type": "text/plain" },
      body: JSON.stringify({ name: "Sneaky" }),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual(UNSUPPORTED);
  });

  it("answers 415 to a chunked body of another type", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ name: "Sneaky" })));
        controller.close();
      },
    });
    const response = await fetch(`${live.url}/api/organizations`, {
      method: "POST",
      headers: { cookie, "content-type": "text/plain" },
      body,
      duplex: "half",
    });
    expect(response.status).toBe(415);
  });

  it("lets a POST without a body through, and takes real JSON", async () => {
    const created = await live.api("POST", "/api/organizations", { name: "Fine" }, cookie);
    expect(created.status).toBe(201);
    const bare = await fetch(`${live.url}/api/notifications/read-all`, {
      method: "POST",
      headers: { cookie },
    });
    expect(bare.status).toBe(200);
  });
});
