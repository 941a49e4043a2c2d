// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { clearUnsentCopies, dropUnsentCopy, keepUnsentCopy, unsentCopy } from "./unsent-copies";

const CHARTER = "entente-doc/user-1/partnership/p1/charter";
const OTHER_USER_CHARTER = "entente-doc/user-2/partnership/p1/charter";

function documentWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText("body").insert(0, text);
  return doc;
}

afterEach(() => localStorage.clear());

describe("unsent copies", () => {
  it("brings back, on the next visit, the changes kept as the page went away", () => {
    const written = documentWith("Written on the train, with no network at all.");
    keepUnsentCopy(CHARTER, Y.encodeStateAsUpdate(written));

    const copy = unsentCopy(CHARTER);
    expect(copy).not.toBeNull();
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, copy ?? new Uint8Array());
    expect(reopened.getText("body").toJSON()).toBe("Written on the train, with no network at all.");
  });

  it("keeps a document larger than one call's worth of bytes whole", () => {
    const long = "é".repeat(100_000);
    keepUnsentCopy(CHARTER, Y.encodeStateAsUpdate(documentWith(long)));

    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, unsentCopy(CHARTER) ?? new Uint8Array());
    expect(reopened.getText("body").toJSON()).toBe(long);
  });

  it("keeps one copy per user and document", () => {
    keepUnsentCopy(CHARTER, Y.encodeStateAsUpdate(documentWith("mine")));

    expect(unsentCopy(OTHER_USER_CHARTER)).toBeNull();
  });

  it("forgets a copy once dropped", () => {
    keepUnsentCopy(CHARTER, Y.encodeStateAsUpdate(documentWith("acknowledged")));
    dropUnsentCopy(CHARTER);

    expect(unsentCopy(CHARTER)).toBeNull();
  });

  it("removes every copy on sign-out and nothing else the origin keeps", () => {
    keepUnsentCopy(CHARTER, Y.encodeStateAsUpdate(documentWith("a")));
    keepUnsentCopy(OTHER_USER_CHARTER, Y.encodeStateAsUpdate(documentWith("b")));
    localStorage.setItem("entente-language", "fr");

    clearUnsentCopies();

    expect(unsentCopy(CHARTER)).toBeNull();
    expect(unsentCopy(OTHER_USER_CHARTER)).toBeNull();
    expect(localStorage.getItem("entente-language")).toBe("fr");
  });

  it("reads a copy that is not base64 as no copy", () => {
    localStorage.setItem(`entente-unsent/${CHARTER}`, "%%% not base64 %%%");

    expect(unsentCopy(CHARTER)).toBeNull();
  });
});
