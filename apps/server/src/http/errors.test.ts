import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { DOMAIN_ERROR_CODES, DomainError, isRefusal } from "../domain-error.js";
import { handleError, HTTP_ERRORS } from "./errors.js";

function answering(error: Error): Hono {
  const app = new Hono();
  app.get("/", () => {
    throw error;
  });
  app.onError(handleError);
  return app;
}

describe("HTTP_ERRORS", () => {
  it("answers a domain error with its status and code, and the details when there are some", async () => {
    const plain = await answering(DomainError.notFound("No such meeting")).request("/");
    expect(plain.status).toBe(404);
    expect(await plain.json()).toEqual({
      error: { code: "not_found", message: "No such meeting" },
    });
    const fields = [{ path: "title", message: "required" }];
    const invalid = await answering(
      new DomainError("invalid_input", "title: required", fields),
    ).request("/");
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({
      error: { code: "invalid_input", message: "title: required", details: fields },
    });
  });

  it("keeps one answer code for the two situations of domain_not_allowed and sso_provider_error", async () => {
    const taken = await answering(new DomainError("domain_taken", "held")).request("/");
    const notOwn = await answering(new DomainError("domain_not_allowed", "not yours")).request("/");
    expect([taken.status, notOwn.status]).toEqual([409, 422]);
    expect(await taken.json()).toEqual({ error: { code: "domain_not_allowed", message: "held" } });
    expect(await notOwn.json()).toEqual({
      error: { code: "domain_not_allowed", message: "not yours" },
    });
    expect(HTTP_ERRORS.sso_provider_error).toEqual({ status: 422, code: "sso_provider_error" });
    expect(HTTP_ERRORS.sso_provider_unreachable).toEqual({
      status: 502,
      code: "sso_provider_error",
    });
  });

  it("counts as refusals exactly the codes answered under 500", () => {
    for (const code of DOMAIN_ERROR_CODES) {
      expect(isRefusal(new DomainError(code, "")), code).toBe(HTTP_ERRORS[code].status < 500);
    }
    expect(isRefusal(new Error("boom"))).toBe(false);
  });
});
