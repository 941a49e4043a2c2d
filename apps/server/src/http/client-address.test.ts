import { describe, expect, it } from "vitest";
import { requestAddress } from "./client-address.js";

describe("requestAddress", () => {
  it("is the socket's peer unless the proxy is trusted", () => {
    expect(requestAddress("10.0.0.5", "203.0.113.1", false)).toBe("10.0.0.5");
    expect(requestAddress(undefined, undefined, false)).toBe("unknown");
  });

  it("behind a trusted proxy, is the last forwarded address, whatever the client claimed before it", () => {
    expect(requestAddress("10.0.0.5", "198.51.100.7, 203.0.113.1", true)).toBe("203.0.113.1");
    expect(requestAddress("10.0.0.5", ["198.51.100.7", "203.0.113.9"], true)).toBe("203.0.113.9");
  });

  it("falls back to the socket's peer when a trusted proxy sent no address", () => {
    expect(requestAddress("10.0.0.5", undefined, true)).toBe("10.0.0.5");
    expect(requestAddress("10.0.0.5", " , ", true)).toBe("10.0.0.5");
  });
});
