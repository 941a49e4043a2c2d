import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { withPreparedStatements } from "./sqlite-statements.js";

describe("withPreparedStatements", () => {
  const opened: SQLite.Database[] = [];
  afterEach(() => {
    for (const database of opened.splice(0)) database.close();
  });
  function open(): SQLite.Database {
    const database = new SQLite(":memory:");
    opened.push(database);
    database.exec("CREATE TABLE items (id INTEGER PRIMARY KEY, title TEXT)");
    return database;
  }

  it("prepares a statement once and reuses it for the same SQL", () => {
    const database = withPreparedStatements(open());
    const first = database.prepare("SELECT title FROM items WHERE id = ?");
    const again = database.prepare("SELECT title FROM items WHERE id = ?");
    expect(again).toBe(first);
    expect(database.prepare("SELECT id FROM items")).not.toBe(first);
  });

  it("keeps at most `kept` statements, dropping the least recently used", () => {
    const database = withPreparedStatements(open(), 2);
    const a = database.prepare("SELECT 1");
    const b = database.prepare("SELECT 2");
    expect(database.prepare("SELECT 1")).toBe(a); // "SELECT 2" is now the oldest
    database.prepare("SELECT 3");
    expect(database.prepare("SELECT 1")).toBe(a);
    expect(database.prepare("SELECT 2")).not.toBe(b);
  });

  it("answers with the table as it is after a schema change (a migration)", () => {
    const raw = open();
    const database = withPreparedStatements(raw);
    database.prepare("INSERT INTO items (title) VALUES (?)").run(["Joint pilot"]);
    expect(database.prepare("SELECT * FROM items").all([])).toEqual([
      { id: 1, title: "Joint pilot" },
    ]);
    raw.exec("ALTER TABLE items ADD COLUMN owner TEXT DEFAULT 'Northwind'");
    expect(database.prepare("SELECT * FROM items").all([])).toEqual([
      { id: 1, title: "Joint pilot", owner: "Northwind" },
    ]);
  });

  it("closes the database it wraps", () => {
    const raw = open();
    withPreparedStatements(raw).close();
    expect(raw.open).toBe(false);
  });
});
