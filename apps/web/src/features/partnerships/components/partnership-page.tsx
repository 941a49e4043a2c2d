import type { PartnershipResponse } from "@entente/protocol";
import { lazy, Suspense, useEffect, useMemo } from "react";
import { useT } from "../../../i18n";
import { Link } from "../../../lib/router";
import { ErrorBoundary } from "../../../ui/error-boundary";
import { errorMessage } from "../../../ui/error-message";
import { PageStatus } from "../../../ui/page-status";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useMe, useSession } from "../../auth/state/session-provider";
import type { CollabUser } from "../../collab/state/collab-user";
import { AppHeader } from "../../shell/components/app-header";
import { usePartnership } from "../hooks/use-partnership";
import { colorOrganizations } from "../state/organization-colors";
import { InvitePanel } from "./invite-panel";
import { MembersPanel } from "./members-panel";

// The editor stack (Tiptap, ProseMirror, Yjs) is most of the bundle: fetch it only here.
const CharterWorkspace = lazy(() => import("../../charter/components/charter-workspace"));

export function PartnershipPage({ partnershipId }: { partnershipId: string }) {
  const t = useT();
  const { state, reload } = usePartnership(partnershipId);
  const { refresh } = useSession();
  const sessionEnded = state.status === "error" && state.error.status === 401;
  useDocumentTitle(state.status === "ready" ? state.data.partnership.name : null, t("app.name"));

  useEffect(() => {
    // The session ended since the page loaded: re-reading it makes the route guard send
    // the user to /login, and back here afterwards.
    if (sessionEnded) void refresh();
  }, [sessionEnded, refresh]);

  switch (state.status) {
    case "loading":
      return (
        <div className="app">
          <AppHeader />
          <PageStatus>{t("partnership.loading")}</PageStatus>
        </div>
      );
    case "error":
      if (state.error.status !== 404) {
        return (
          <div className="app">
            <AppHeader />
            <PageStatus role="alert">
              <p>{errorMessage(t, state.error)}</p>
              <button type="button" className="button" onClick={reload}>
                {t("common.retry")}
              </button>
            </PageStatus>
          </div>
        );
      }
      return (
        <div className="app">
          <AppHeader />
          <PageStatus role="alert">
            <p>{t("partnership.notFound")}</p>
            <Link to="/">{t("partnership.backHome")}</Link>
          </PageStatus>
        </div>
      );
    case "ready":
      return <PartnershipWorkspace data={state.data} />;
  }
}

function PartnershipWorkspace({ data }: { data: PartnershipResponse }) {
  const t = useT();
  const me = useMe();
  const { partnership, members, documents } = data;
  const organizations = useMemo(() => colorOrganizations(data.organizations), [data.organizations]);

  const seat =
    me.partnerships.find((p) => p.id === partnership.id) ??
    members.find((m) => m.id === me.user.id) ??
    null;
  const myOrganization = organizations.find((o) => o.id === seat?.organizationId);

  const collabUser = useMemo<CollabUser>(
    () => ({
      id: me.user.id,
      name: me.user.name,
      color: myOrganization?.color ?? "#475569",
      organizationId: myOrganization?.id ?? "",
      organizationName: myOrganization?.name ?? "",
    }),
    [me.user.id, me.user.name, myOrganization],
  );

  const aside = (
    <>
      <MembersPanel organizations={organizations} members={members} currentUserId={me.user.id} />
      {seat?.permission === "admin" && myOrganization ? (
        <InvitePanel partnershipId={partnership.id} myOrganization={myOrganization} />
      ) : null}
    </>
  );

  return (
    <div className="app">
      <AppHeader
        partnership={{
          name: partnership.name,
          organizations,
          myOrganizationId: seat?.organizationId ?? "",
        }}
      />
      <main className="page page--partnership">
        <ErrorBoundary
          fallback={
            <PageStatus role="alert">
              <p>{t("common.partFailed")}</p>
              <button type="button" className="button" onClick={() => window.location.reload()}>
                {t("common.reload")}
              </button>
            </PageStatus>
          }
        >
          <Suspense
            fallback={
              <div className="charter-layout">
                <PageStatus>{t("charter.loading")}</PageStatus>
                <aside className="charter-layout__aside">{aside}</aside>
              </div>
            }
          >
            <CharterWorkspace
              partnershipId={partnership.id}
              documents={documents}
              user={collabUser}
              aside={aside}
            />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
