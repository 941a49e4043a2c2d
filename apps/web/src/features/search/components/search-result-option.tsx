import { useT } from "../../../i18n";
import { useMe } from "../../auth/state/session-provider";
import { OrganizationChip } from "../../partnerships/components/organization-chip";
import { useOptionalPartnershipContext } from "../../partnerships/state/partnership-context";
import type { SearchResult } from "../api/search-api";
import { parseSnippet } from "../state/snippet";

/**
 * One search hit: its title, the snippet with the matched words marked (built from text runs,
 * never from the server's string as HTML), and whose it is: the organization's chip on the
 * partnership's page, the partnership's name elsewhere.
 */
export function SearchResultOption({ result }: { result: SearchResult }) {
  const t = useT();
  const me = useMe();
  const context = useOptionalPartnershipContext();
  const here = context !== null && context.partnershipId === result.partnershipId;
  const partnership = here
    ? null
    : (me.partnerships.find((p) => p.id === result.partnershipId)?.name ?? null);

  return (
    <span className="palette__result">
      <span className="palette__result-head">
        <span className="palette__result-title">{result.title || t("search.untitled")}</span>
        {here && result.organizationId ? (
          // Inside the partnership's page, so the chip finds the organization's colour.
          <OrganizationChip organizationId={result.organizationId} />
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
