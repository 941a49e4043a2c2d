import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../app.js";
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from "../../limits/login-throttle.js";
import { createServices } from "../../services.js";
import { ApiHarness, TEST_ORIGIN, type LoginClock } from "../../test/api-harness.js";

const PASSWORD = "correct horse battery";
const OWNER = "ada@example.test";

function errorOf(code: string) {
  return { error: { code, message: expect.any(String) } };
}

/** Time that moves only when told, and sleeps that are recorded instead of waited. */
class FakeClock implements LoginClock {
  time = Date.now();
  readonly sleeps: number[] = [];
  now(): number {
    return this.time;
  }
  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return Promise.resolve();
  }
}

/**
 * Failed sign-ins, tried the way a guesser would with plain HTTP from many addresses
 * behind a trusted proxy (each request's address is the one the proxy appended last).
 */
describe("login throttle", () => {
  let harness: ApiHarness;
  let clock: FakeClock;

  const create = async (limits: LoginLimits = DEFAULT_LOGIN_LIMITS) => {
    clock = new FakeClock();
    harness = await ApiHarness.create({ loginLimits: limits, trustProxy: true, loginClock: clock });
    const signup = await harness.request("POST", "/api/auth/signup", {
      body: { email: OWNER, password: PASSWORD, name: "Ada" },
    });
    expect(signup.status).toBe(201);
  };
  const login = (email: string, password: string, from: string, app = harness.app) =>
    app.request("/api/auth/login", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        // What a client claims comes first; the trusted proxy appends the address it saw.
        "x-forwarded-for": `198.51.100.99, ${from}`,
      },
      body: JSON.stringify({ email, password }),
    });

  afterEach(async () => {
    await harness.close();
  });

  describe("with the default limits", () => {
    beforeEach(async () => {
      await create();
    });

    it("locks the (account, address) pair after 10 failures in 15 minutes, even for the right password", async () => {
      for (let i = 0; i < 10; i++) {
        expect((await login(OWNER, "wrong guess", "203.0.113.1")).status).toBe(401);
      }
      const blocked = await login(OWNER, PASSWORD, "203.0.113.1");
      expect(blocked.status).toBe(429);
      expect(await blocked.json()).toEqual(errorOf("rate_limited"));
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(blocked.headers.getSetCookie()).toEqual([]);

      // The owner elsewhere is not refused, and the guessing address may still try others.
      expect((await login(OWNER, PASSWORD, "192.0.2.50")).status).toBe(200);
      await harness.request("POST", "/api/auth/signup", {
        body: { email: "bob@example.test", password: PASSWORD, name: "Bob" },
      });
      expect((await login("bob@example.test", PASSWORD, "203.0.113.1")).status).toBe(200);

      // 15 minutes later the pair is free again.
      clock.time += 15 * 60_000 + 1;
      expect((await login(OWNER, PASSWORD, "203.0.113.1")).status).toBe(200);
    });

    it("slows the account more with each spread failure, from the first beyond the free ones", async () => {
      const { spreadFailuresFree, delayStepMs } = DEFAULT_LOGIN_LIMITS;
      for (let a = 0; a < spreadFailuresFree + 3; a++) {
        await login(OWNER, "guess", `10.1.0.${a}`);
      }
      expect(clock.sleeps).toEqual([delayStepMs, 2 * delayStepMs]);
    });

    it("counts attempts before the slow password check, so parallel guesses cannot slip past the limit", async () => {
      const guesses = await Promise.all(
        Array.from({ length: 30 }, async () => login(OWNER, "guess", "203.0.113.1")),
      );
      const statuses = guesses.map((g) => g.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    });

    it("counts only failures: a success clears its pair's count", async () => {
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 9; i++) await login(OWNER, "wrong guess", "203.0.113.1");
        expect((await login(OWNER, PASSWORD, "203.0.113.1")).status).toBe(200);
      }
    });

    it("counts failures in the database: every instance over the store sees the same ones", async () => {
      const other = createApp(
        createServices({
          store: harness.store,
          publicOrigin: TEST_ORIGIN,
          trustProxy: true,
          loginClock: clock,
          liveSockets: { closeSession() {}, closePartnershipAccess() {}, closeDocument() {} },
        }),
      );
      for (let i = 0; i < 10; i++) {
        const app = i % 2 === 0 ? harness.app : other;
        expect((await login(OWNER, "wrong guess", "203.0.113.1", app)).status).toBe(401);
      }
      expect((await login(OWNER, PASSWORD, "203.0.113.1", other)).status).toBe(429);
      expect((await login(OWNER, PASSWORD, "203.0.113.1", harness.app)).status).toBe(429);
    });
  });

  it("never refuses the owner's right password from a fresh address when failures come from many addresses, only slows it a few seconds", async () => {
    // Steeper than the defaults, so a few guesses reach the longest delay.
    const limits = { ...DEFAULT_LOGIN_LIMITS, spreadFailuresFree: 4, delayStepMs: 1_000 };
    await create(limits);
    // 12 addresses, 2 guesses each: under the pair limit everywhere.
    for (let a = 0; a < 12; a++) {
      for (let g = 0; g < 2; g++) {
        expect((await login(OWNER, `guess ${g}`, `10.0.0.${a}`)).status).toBe(401);
      }
    }
    clock.sleeps.length = 0;

    const owner = await login(OWNER, PASSWORD, "192.0.2.50");

    expect(owner.status).toBe(200);
    expect(clock.sleeps).toEqual([limits.maxDelayMs]);
    expect(limits.maxDelayMs).toBeLessThanOrEqual(5_000);
  });

  it("locks an address that failed too often, for every account", async () => {
    await create({ ...DEFAULT_LOGIN_LIMITS, perAddress: 3 });
    for (const email of ["a@example.test", "b@example.test", "c@example.test"]) {
      expect((await login(email, "guess", "203.0.113.1")).status).toBe(401);
    }
    const blocked = await login(OWNER, PASSWORD, "203.0.113.1");
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toEqual(errorOf("rate_limited"));
    expect((await login(OWNER, PASSWORD, "203.0.113.2")).status).toBe(200);
  });

  it("without a trusted proxy, counts the socket's address, not what X-Forwarded-For claims", async () => {
    clock = new FakeClock();
    harness = await ApiHarness.create({
      loginLimits: { ...DEFAULT_LOGIN_LIMITS, perAddress: 2 },
      trustProxy: false,
      loginClock: clock,
    });
    expect((await login("nobody@example.test", "guess", "203.0.113.1")).status).toBe(401);
    expect((await login("nobody@example.test", "guess", "203.0.113.2")).status).toBe(401);
    // Another claimed address does not escape the count.
    expect((await login("nobody@example.test", "guess", "203.0.113.3")).status).toBe(429);
  });
});
