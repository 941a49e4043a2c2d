import { describe, expect, it } from "vitest";
import type { SearchResult } from "../api/search-api";
import type { PaletteCommand } from "./palette-commands";
import { flattenOptions, groupOptions } from "./palette-options";

const result = (kind: string, title: string): SearchResult => ({
  kind,
  partnershipId: "p1",
  title,
  snippet: title,
  url: `/p/p1/${kind}?item=${title}`,
});
const command = (id: string, group: PaletteCommand["group"]): PaletteCommand => ({
  id,
  group,
  label: id,
  path: `/${id}`,
});

describe("groupOptions", () => {
  it("groups results by kind in the order of each kind's best hit, then actions, then pages", () => {
    const groups = groupOptions(
      [result("decision", "a"), result("issue", "b"), result("decision", "c")],
      [command("home", "pages"), command("new", "actions")],
    );
    expect(groups.map((g) => g.id)).toEqual([
      "result:decision",
      "result:issue",
      "command:actions",
      "command:pages",
    ]);
    expect(flattenOptions(groups).map((o) => o.key)).toEqual([
      "result:decision:/p/p1/decision?item=a:a",
      "result:decision:/p/p1/decision?item=c:c",
      "result:issue:/p/p1/issue?item=b:b",
      "command:new",
      "command:home",
    ]);
  });

  it("lists a result the server repeated once, and leaves out empty groups", () => {
    const groups = groupOptions([result("post", "x"), result("post", "x")], []);
    expect(groups).toHaveLength(1);
    expect(flattenOptions(groups)).toHaveLength(1);
  });
});
