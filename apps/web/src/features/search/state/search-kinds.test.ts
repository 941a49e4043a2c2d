import { describe, expect, it } from "vitest";
import { en } from "../../../i18n/messages/en";
import { fr } from "../../../i18n/messages/fr";
import { foldText } from "./fold";
import { kindLabel } from "./search-kinds";

describe("the palette's text and kinds", () => {
  it("folds accents and case so a keyboard without accents finds French labels", () => {
    expect(foldText("Échéance")).toBe("echeance");
    expect(foldText("Comité de PILOTAGE")).toBe("comite de pilotage");
    expect(foldText("ça")).toBe(foldText("CA"));
  });

  it("names each kind the server sends in both languages, and an unknown kind as other", () => {
    for (const kind of ["charter", "workshop-note", "private-note", "person"]) {
      const key = kindLabel(kind);
      expect(key).not.toBe("search.kind.other");
      expect(en[key]).toBeTruthy();
      expect(fr[key]).toBeTruthy();
    }
    expect(kindLabel("hologram")).toBe("search.kind.other");
    expect(kindLabel("toString")).toBe("search.kind.other");
  });
});
