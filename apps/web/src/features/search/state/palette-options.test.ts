import { describe, expect, it } from "vitest";
import type { SearchKind, SearchResult } from "@entente/protocol";
import type { PaletteCommand } from "./palette-commands";
import { flattenOptions, groupOptions } from "./palette-options";

const result = (kind: SearchKind, title: string): SearchResult => ({
  kind,
  partnershipId: "p1",
  title,
  snippet: title,
  url: `/p/p1/${kind}?item=${title}`,
  organizationName: null,
});
const command = (id: string, group: PaletteCommand["group"]): PaletteCommand => ({
  id,
  group,
  label: id,
  path: `/${id}`,
});

describe("groupOptions", () => {
  it("lists the matching actions, then pages, then results by kind in the order of each kind's best hit", () => {
    const groups = groupOptions(
      [result("decision", "a"), result("issue", "b"), result("decision", "c")],
      [command("home", "pages"), command("new", "actions")],
    );
    expect(groups.map((g) => g.id)).toEqual([
      "command:actions",
      "command:pages",
      "result:decision",
      "result:issue",
    ]);
    expect(flattenOptions(groups).map((o) => o.key)).toEqual([
      "command:new",
      "command:home",
      "result:decision:/p/p1/decision?item=a:a",
      "result:decision:/p/p1/decision?item=c:c",
      "result:issue:/p/p1/issue?item=b:b",
    ]);
  });

  it("lists a result the server repeated once, and leaves out empty groups", () => {
    const groups = groupOptions([result("post", "x"), result("post", "x")], []);
    expect(groups).toHaveLength(1);
    expect(flattenOptions(groups)).toHaveLength(1);
  });
});
