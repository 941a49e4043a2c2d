import { formatDocumentName, type DocumentRef } from "@entente/domain";
import type {
  DocumentVersionCreatedResponse,
  DocumentVersionListResponse,
  DocumentVersionResponse,
  VersionCompareResponse,
} from "@entente/protocol";
import { Hono, type Context } from "hono";
import type { Seat } from "../../access/access-service.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { DomainError } from "../../domain-error.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import {
  CharterVersionsParams,
  CompareParams,
  MeetingVersionsParams,
  NameVersionBody,
  PrivateVersionsParams,
  RestoreVersionBody,
  VersionParams,
} from "@entente/protocol/schemas";
import { accessTo } from "../../access/policies.js";

/** The document a request names, with what the caller may do with it. */
interface Target {
  documentName: string;
  userId: string;
  organizationId: string;
  canWrite: boolean;
}

/**
 * Version history of the rich-text documents, under `/api/partnerships`:
 * `/:id/charter/versions…` and `/:id/organizations/:organizationId/private/versions…`. Access
 * follows the document's (`accessTo`, the sync server's rule): a document the caller
 * cannot read is a 404, like the document; naming and restoring need write access.
 */
export function historyRoutes(services: Services): Hono<AppEnv> {
  const { access, versions } = services;

  const target = async (c: Context<AppEnv>, ref: DocumentRef): Promise<Target> => {
    const { user } = requireAuth(c);
    return targetFor(user.id, ref, await access.requireSeat(user.id, ref.partnershipId));
  };

  return new Hono<AppEnv>()
    .route(
      "/:id/charter/versions",
      versionRoutes(versions, (c) => {
        const { id } = parseOrThrow(CharterVersionsParams, { id: c.req.param("id") });
        return target(c, { kind: "charter", partnershipId: id });
      }),
    )
    .route(
      "/:id/organizations/:organizationId/private/versions",
      versionRoutes(versions, (c) => {
        const { id, organizationId } = parseOrThrow(PrivateVersionsParams, {
          id: c.req.param("id"),
          organizationId: c.req.param("organizationId"),
        });
        return target(c, { kind: "private", partnershipId: id, organizationId });
      }),
    );
}

/**
 * Version history of a meeting's notes (`<pid>/meeting/<id>`, every agenda item's notes under
 * its title), under `/api/meetings`: `/:meetingId/notes/versions…`, the same five routes.
 * Non-members get the 404 of a meeting that does not exist.
 */
export function meetingHistoryRoutes(services: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().route(
    "/:meetingId/notes/versions",
    versionRoutes(services.versions, async (c) => {
      const { user } = requireAuth(c);
      const { meetingId } = parseOrThrow(MeetingVersionsParams, {
        meetingId: c.req.param("meetingId"),
      });
      const { meeting, seat } = await services.meetings.requireMeeting(user.id, meetingId);
      const ref: DocumentRef = {
        kind: "meeting",
        partnershipId: meeting.partnership_id,
        meetingId: meeting.id,
      };
      return targetFor(user.id, ref, seat);
    }),
  );
}

function targetFor(userId: string, ref: DocumentRef, seat: Seat): Target {
  const allowed = accessTo(seat, ref);
  if (allowed === "none") throw DomainError.notFound("No such document");
  return {
    documentName: formatDocumentName(ref),
    userId,
    organizationId: seat.organizationId,
    canWrite: allowed === "write",
  };
}

function requireWrite(target: Target): void {
  if (!target.canWrite) throw DomainError.forbidden("Only an editor or admin can do this");
}

/** The same five routes for each versioned document; `resolve` names it and checks access. */
function versionRoutes(
  versions: Services["versions"],
  resolve: (c: Context<AppEnv>) => Promise<Target>,
): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const t = await resolve(c);
      const body: DocumentVersionListResponse = { versions: await versions.list(t.documentName) };
      return c.json(body);
    })
    .post("/", async (c) => {
      const t = await resolve(c);
      requireWrite(t);
      const input = await readJson(c, NameVersionBody);
      const body: DocumentVersionCreatedResponse = {
        version: await versions.create(t.documentName, {
          kind: "named",
          label: input.label,
          createdBy: t.userId,
        }),
      };
      return c.json(body, 201);
    })
    .get("/:a/compare/:b", async (c) => {
      const t = await resolve(c);
      const { a, b } = parseOrThrow(CompareParams, {
        a: c.req.param("a"),
        b: c.req.param("b"),
      });
      const body: VersionCompareResponse = await versions.compare(t.documentName, a, b);
      return c.json(body);
    })
    .get("/:versionId", async (c) => {
      const t = await resolve(c);
      const { versionId } = parseOrThrow(VersionParams, { versionId: c.req.param("versionId") });
      const body: DocumentVersionResponse = await versions.get(t.documentName, versionId);
      return c.json(body);
    })
    .post("/:versionId/restore", async (c) => {
      const t = await resolve(c);
      requireWrite(t);
      const { versionId } = parseOrThrow(VersionParams, { versionId: c.req.param("versionId") });
      await readJson(c, RestoreVersionBody);
      const body: DocumentVersionCreatedResponse = {
        version: await versions.restore(t.documentName, versionId, {
          userId: t.userId,
          organizationId: t.organizationId,
        }),
      };
      return c.json(body, 201);
    });
}
