import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  date,
  dateTime,
  defineCollection,
  number,
  oneOf,
  optionalDate,
  optionalRef,
  optionalText,
  ref,
  richText,
  title,
  unit,
} from "./collection.js";
import { readValues } from "./read-result.js";
import { ana, okValue, throughBinary } from "./test/peers.js";
import { SchemaWriteError } from "./writing.js";

/** A collection with one field of each kind of starting value. */
const NOTES = defineCollection("notes", {
  title: title(),
  body: richText(),
  writtenBy: ref("author"),
  reviewerId: optionalRef("checked"),
  sourceId: optionalRef("absent"),
  due: optionalDate(),
  state: oneOf(["open", "done"] as const, "open"),
});

/** Required plain values, and a plain text that may be absent (a KPI's and its measurements'). */
const READINGS = defineCollection("readings", {
  unit: unit("checked"),
  value: number(),
  on: date(),
  takenAt: dateTime(),
  note: optionalText(),
});

const AT = { ...ana, at: new Date("2026-03-01T09:00:00Z") };

describe("a collection described once", () => {
  it("gives a new entry each field's starting value, and leaves an absent field out", () => {
    const doc = new Y.Doc();
    const id = NOTES.add(doc, { title: "Agree on the depot" }, AT);
    const item = doc.getMap<Y.Map<unknown>>("notes").get(id);
    expect(item?.get("body")).toBeInstanceOf(Y.Text);
    expect(item?.has("sourceId")).toBe(false);
    expect(item?.get("reviewerId")).toBeNull();
    expect(okValue(NOTES.read(throughBinary(doc))[0])).toEqual({
      id,
      title: "Agree on the depot",
      body: "",
      writtenBy: "ana",
      reviewerId: null,
      sourceId: null,
      due: null,
      state: "open",
      createdBy: "ana",
      organizationId: ana.organizationId,
      createdAt: "2026-03-01T09:00:00.000Z",
    });
  });

  it("checks what a new entry and a change give, and writes nothing on a refusal", () => {
    const doc = new Y.Doc();
    expect(() => NOTES.add(doc, { title: " " }, AT)).toThrow(SchemaWriteError);
    expect(doc.getMap("notes").size).toBe(0);
    const id = NOTES.add(doc, { title: "Agree on the depot" }, AT);
    expect(() => NOTES.update(doc, id, { state: "lost" as "open" })).toThrow(SchemaWriteError);
    expect(okValue(NOTES.read(doc)[0]).state).toBe("open");
  });

  it("changes only the fields a patch gives; null clears an optional id", () => {
    const doc = new Y.Doc();
    const id = NOTES.add(
      doc,
      { title: "Agree on the depot", reviewerId: "ben", body: "Draft" },
      AT,
    );
    const body = doc.getMap<Y.Map<unknown>>("notes").get(id)?.get("body");
    expect(NOTES.update(doc, id, { reviewerId: null, body: "Final" })).toBe(true);
    const entry = okValue(NOTES.read(doc)[0]);
    expect(entry).toMatchObject({ title: "Agree on the depot", reviewerId: null, body: "Final" });
    // The co-edited text is changed in place, not replaced.
    expect(doc.getMap<Y.Map<unknown>>("notes").get(id)?.get("body")).toBe(body);
    expect(NOTES.update(doc, "gone", { title: "x" })).toBe(false);
  });

  it("reads a malformed entry as such, and removes it", () => {
    const doc = new Y.Doc();
    const broken = new Y.Map<unknown>();
    doc.getMap("notes").set("b1", broken);
    broken.set("title", 42);
    const [result] = NOTES.read(doc);
    expect(result?.ok).toBe(false);
    expect(NOTES.remove(doc, "b1")).toBe(true);
    expect(NOTES.read(doc)).toEqual([]);
  });

  it("requires a required unit, number, date and instant; an optional text is plain, null when left out", () => {
    const doc = new Y.Doc();
    const reading = {
      unit: "",
      value: 12.5,
      on: "2026-03-31",
      takenAt: "2026-03-31T08:00:00.000Z",
    };
    const id = READINGS.add(doc, reading, AT);
    const noted = READINGS.add(doc, { ...reading, note: "Q1" }, AT);
    const items = doc.getMap<Y.Map<unknown>>("readings");
    expect(items.get(id)?.get("note")).toBeNull();
    expect(items.get(noted)?.get("note")).toBe("Q1");
    // Both were added at the same instant: their order is their random ids', so by id.
    const notes = readValues(READINGS.read(throughBinary(doc))).map((r) => [r.id, r.note]);
    expect(Object.fromEntries(notes)).toEqual({ [id]: null, [noted]: "Q1" });
    const refused = [
      { ...reading, unit: undefined },
      { ...reading, value: Number.NaN },
      { ...reading, on: "2026-02-30" },
      { ...reading, takenAt: "yesterday" },
      { ...reading, note: 42 },
    ];
    for (const input of refused) {
      expect(() => READINGS.add(doc, input as never, AT)).toThrow(SchemaWriteError);
    }
    expect(() => READINGS.update(doc, id, { unit: null as never })).toThrow(SchemaWriteError);
    expect(items.size).toBe(2);
  });
});
