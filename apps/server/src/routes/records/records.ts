import { formatDocumentName, type DocumentRef } from "@entente/domain";
import type {
  DeletedObjectivesResponse,
  EntryHistoryResponse,
  RestoreResponse,
  TrashResponse,
} from "@entente/protocol";
import { Hono } from "hono";
import { requirePartnershipSeat } from "../partnership-seat.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { DomainError } from "../../domain-error.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow } from "../../http/validate.js";
import { HistoryParams, HistoryQuery, TrashParams } from "@entente/protocol/schemas";

/**
 * The server's records of entries: `GET /:id/history/:documentKind/:entryId` (readers of
 * the document), `GET /:id/deleted-objectives` (any member: titles as they were, for
 * references), `GET /:id/trash` (any member; what they may read) and
 * `POST /:id/trash/:trashId/restore` (editors and admins who may write its document).
 */
export function recordRoutes({ access, history, trash }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get("/:id/history/:documentKind/:entryId", async (c) => {
      const { user } = requireAuth(c);
      const { id, documentKind, entryId } = parseOrThrow(HistoryParams, c.req.param());
      const { organizationId } = parseOrThrow(HistoryQuery, c.req.query());
      let ref: DocumentRef;
      if (documentKind === "profile") {
        if (organizationId === undefined) {
          throw new DomainError("invalid_input", "A profile needs ?organizationId=");
        }
        ref = { kind: "profile", partnershipId: id, organizationId };
      } else {
        if (organizationId !== undefined) {
          throw new DomainError("invalid_input", "Only a profile takes organizationId");
        }
        ref = { kind: documentKind, partnershipId: id };
      }
      const name = formatDocumentName(ref);
      const granted = await access.document(user.id, name);
      if (granted.kind !== "granted") throw DomainError.notFound("No such document");
      const body: EntryHistoryResponse = { changes: await history.list(name, entryId) };
      return c.json(body);
    })
    .get("/:id/deleted-objectives", async (c) => {
      const { id } = await requirePartnershipSeat(c, access);
      const titles = await history.deletedTitles(
        formatDocumentName({ kind: "objectives", partnershipId: id }),
      );
      const body: DeletedObjectivesResponse = {
        objectives: [...titles].map(([objectiveId, title]) => ({ id: objectiveId, title })),
      };
      return c.json(body);
    })
    .get("/:id/trash", async (c) => {
      const { seat } = await requirePartnershipSeat(c, access);
      const body: TrashResponse = { entries: await trash.list(seat) };
      return c.json(body);
    })
    .post("/:id/trash/:trashId/restore", async (c) => {
      const { user } = requireAuth(c);
      const { id, trashId } = parseOrThrow(TrashParams, c.req.param());
      const seat = await access.requireSeat(user.id, id);
      const body: RestoreResponse = await trash.restore(seat, user.id, trashId);
      return c.json(body, 201);
    });
}
