import { describe, expect, it } from "vitest";
import { replyText, textDoc } from "./reply-text.js";

describe("replyText", () => {
  it("drops the English quote header and everything under it", () => {
    const mail = [
      "Agreed, let's ship on Friday.",
      "",
      "On Mon, 7 Dec 2026 at 10:00, Nora North <nora@northwind.example> wrote:",
      "> Shall we ship on Friday?",
      "> Nora",
    ].join("\r\n");
    expect(replyText(mail)).toBe("Agreed, let's ship on Friday.");
  });

  it("drops a French quote header, wrapped over two lines, and what follows", () => {
    const mail = [
      "D’accord pour vendredi.",
      "",
      "Le lun. 7 déc. 2026 à 10:00, Nora North",
      "<nora@northwind.example> a écrit :",
      "Une ligne citée sans chevron",
      "> On livre vendredi ?",
    ].join("\n");
    expect(replyText(mail)).toBe("D’accord pour vendredi.");
  });

  it("drops signatures and quoted lines", () => {
    const mail = [
      "Fine by me.",
      "Second line.",
      "",
      "-- ",
      "Sam South",
      "Head of partnerships",
    ].join("\n");
    expect(replyText(mail)).toBe("Fine by me.\nSecond line.");
    expect(replyText("Oui.\n\nEnvoyé de mon iPhone")).toBe("Oui.");
    expect(replyText("> only quoted\n> text")).toBe("");
  });

  it("keeps the sender's own lines and paragraphs as a rich body", () => {
    expect(textDoc("One\ntwo\n\nThree")).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "One" },
            { type: "hardBreak" },
            { type: "text", text: "two" },
          ],
        },
        { type: "paragraph", content: [{ type: "text", text: "Three" }] },
      ],
    });
  });
});
