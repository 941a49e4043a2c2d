import type { PartnershipMemberView } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import { defaultParticipantIds } from "./default-participants";

const member = (id: string, organizationId: string): PartnershipMemberView => ({
  id,
  name: id,
  organizationId,
  permission: "editor",
  level: "operational",
});

describe("defaultParticipantIds", () => {
  it("proposes the members of every organization, the partner's as well as one's own", () => {
    const members = [member("amara", "north"), member("sofia", "south"), member("ines", "south")];
    expect(defaultParticipantIds(members)).toEqual(["amara", "sofia", "ines"]);
  });

  it("proposes nobody twice, and nobody when the list is empty", () => {
    expect(defaultParticipantIds([member("amara", "north"), member("amara", "north")])).toEqual([
      "amara",
    ]);
    expect(defaultParticipantIds([])).toEqual([]);
  });
});
