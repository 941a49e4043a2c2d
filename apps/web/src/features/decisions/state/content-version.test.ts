import { createHash } from "node:crypto";
import type { Decision } from "@entente/schema";
import { describe, expect, it } from "vitest";
import { contentVersionOf } from "./content-version";

const decision: Decision = {
  id: "d1",
  title: "Share the test bench",
  context: "Both labs need it two days a week.",
  governanceLevel: "tactical",
  proposedBy: "user-amara",
  status: "proposed",
  meetingId: null,
  supersedes: null,
  createdBy: "user-amara",
  organizationId: "org-north",
  createdAt: "2026-12-01T09:00:00.000Z",
};

/** The server's way, written out independently: SHA-256 hex of the content fields in order. */
function serverVersion(d: Decision): string {
  const fields = [
    ["title", d.title],
    ["context", d.context],
    ["governanceLevel", d.governanceLevel],
    ["proposedBy", d.proposedBy],
    ["meetingId", d.meetingId],
    ["supersedes", d.supersedes],
  ];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

describe("contentVersionOf", () => {
  it("hashes what the vote approves exactly as the server does", async () => {
    expect(await contentVersionOf(decision)).toBe(serverVersion(decision));
  });

  it("changes with the text voted on, not with the status or the stamps", async () => {
    const base = await contentVersionOf(decision);
    expect(await contentVersionOf({ ...decision, title: "Share the bench" })).not.toBe(base);
    expect(await contentVersionOf({ ...decision, supersedes: "d0" })).not.toBe(base);
    expect(await contentVersionOf({ ...decision, status: "approved" })).toBe(base);
    expect(await contentVersionOf({ ...decision, createdAt: "2026-12-02T09:00:00.000Z" })).toBe(
      base,
    );
  });
});
