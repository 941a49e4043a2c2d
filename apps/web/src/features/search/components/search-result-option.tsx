import type { SearchResult } from "@entente/protocol";
import { useT } from "../../../i18n";
import { ColorSwatch } from "../../../ui/color-swatch";
import { useMe } from "../../auth";
import { OrganizationChip, useOptionalPartnershipContext } from "../../partnerships";
import { parseSnippet } from "../state/snippet";

/** The neutral colour of an organization the page has no colour for (another partnership's). */
const NEUTRAL = "#94a3b8";

/**
 * One search hit: its title, the snippet with the matched words marked (built from text runs,
 * never from the server's string as HTML), whose it is (the organization's chip, in its colour
 * on that partnership's page), and which partnership when it is not the page's.
 */
export function SearchResultOption({ result }: { result: SearchResult }) {
  const t = useT();
  const me = useMe();
  const context = useOptionalPartnershipContext();
  const here = context !== null && context.partnershipId === result.partnershipId;
  const organization =
    here && result.organizationName !== null
      ? context.organizations.find((o) => o.name === result.organizationName)
      : undefined;
  const partnership = here
    ? null
    : (me.partnerships.find((p) => p.id === result.partnershipId)?.name ?? null);

  return (
    <span className="palette__result">
      <span className="palette__result-head">
        <span className="palette__result-title">{result.title || t("search.untitled")}</span>
        {organization ? (
          <OrganizationChip organizationId={organization.id} />
        ) : result.organizationName !== null ? (
          <span className="org-tag" data-testid="org-tag">
            <ColorSwatch color={NEUTRAL} />
            {result.organizationName}
          </span>
        ) : null}
        {partnership ? <span className="palette__partnership">{partnership}</span> : null}
      </span>
      {result.snippet ? (
        <span className="palette__snippet" data-testid="palette-snippet">
          {parseSnippet(result.snippet).map((run, index) =>
            run.marked ? <mark key={index}>{run.text}</mark> : <span key={index}>{run.text}</span>,
          )}
        </span>
      ) : null}
    </span>
  );
}
