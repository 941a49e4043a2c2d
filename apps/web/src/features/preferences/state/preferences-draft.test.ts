import type { NotificationPreferencesView } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import { changesSince, draftOf, kindLabels } from "./preferences-draft";

const saved: NotificationPreferencesView = {
  language: null,
  kinds: [
    { kind: "mention", inApp: true, email: true },
    { kind: "organization_mention", inApp: true, email: false },
  ],
  digests: [
    { partnershipId: "p1", partnershipName: "North × South", frequency: "off" },
    { partnershipId: "p2", partnershipName: "North × East", frequency: "daily" },
  ],
};

describe("notification preferences draft", () => {
  it("starts from the server's state; no language chosen is the app's", () => {
    expect(draftOf(saved)).toEqual({
      language: "app",
      email: { mention: true, organization_mention: false },
      digests: { p1: "off", p2: "daily" },
    });
    expect(changesSince(saved, draftOf(saved))).toBeNull();
  });

  it("sends only what the user changed", () => {
    const draft = draftOf(saved);
    draft.email.organization_mention = true;
    draft.digests.p1 = "weekly";
    expect(changesSince(saved, draft)).toEqual({
      email: { organization_mention: true },
      digests: [{ partnershipId: "p1", frequency: "weekly" }],
    });
    draft.language = "fr";
    draft.email.organization_mention = false;
    expect(changesSince(saved, draft)).toEqual({
      language: "fr",
      digests: [{ partnershipId: "p1", frequency: "weekly" }],
    });
  });

  it("sends null to follow the app's language again", () => {
    const chosen = { ...saved, language: "en" as const };
    const draft = draftOf(chosen);
    expect(draft.language).toBe("en");
    draft.language = "app";
    expect(changesSince(chosen, draft)).toEqual({ language: null });
  });

  it("keeps a kind it has no label for, and names every kind it knows", () => {
    const withNewKind = {
      ...saved,
      kinds: [...saved.kinds, { kind: "brand_new" as never, inApp: true as const, email: false }],
    };
    const draft = draftOf(withNewKind);
    draft.email.brand_new = true;
    expect(changesSince(withNewKind, draft)).toEqual({ email: { brand_new: true } });
    expect(kindLabels("brand_new")).toBeNull();
    expect(kindLabels("toString")).toBeNull();
    for (const kind of [
      "mention",
      "organization_mention",
      "reply",
      "decision_waiting",
      "charter_changed",
      "item_status_changed",
      "item_overdue",
      "member_joined",
      "member_left",
    ]) {
      expect(kindLabels(kind)?.label, kind).toBe(`preferences.kind.${kind}`);
    }
  });
});
