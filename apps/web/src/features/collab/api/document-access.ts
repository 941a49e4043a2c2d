import { parseDocumentName } from "@entente/domain";
import { api, ApiError } from "../../../lib/api-client";
import type { DeniedReason } from "../state/connection-state";

/**
 * Asks the HTTP API why a sync socket could not open. The server refuses a WebSocket
 * upgrade with a plain HTTP 401/403/404, and browsers hide that status (the socket just
 * closes with 1006), so the app cannot tell a refusal from a network failure without asking.
 * `null` means "nothing says access is gone": keep retrying.
 */
export async function probeDocumentAccess(documentName: string): Promise<DeniedReason | null> {
  try {
    await api.call("GET /api/me");
  } catch (error) {
    return error instanceof ApiError && error.status === 401 ? "unauthorized" : null;
  }

  const ref = parseDocumentName(documentName);
  if (!ref) return "forbidden";
  try {
    const partnership = await api.call("GET /api/partnerships/:id", { id: ref.partnershipId });
    return partnership.documents.some((d) => d.name === documentName) ? null : "forbidden";
  } catch (error) {
    if (!(error instanceof ApiError)) return null;
    if (error.status === 401) return "unauthorized";
    return error.status === 403 || error.status === 404 ? "forbidden" : null;
  }
}
