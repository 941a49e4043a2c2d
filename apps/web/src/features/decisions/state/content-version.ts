import { decisionContentJson, type Decision } from "@entente/schema";

/**
 * The content version of a decision as this browser shows it, the server's way (SHA-256
 * of `decisionContentJson`), so a vote says which text it approves. `undefined` where the
 * browser has no Web Crypto (an insecure origin): the server then binds the vote to what it
 * reads.
 */
export async function contentVersionOf(decision: Decision): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!subtle) return undefined;
  const text = decisionContentJson({
    title: decision.title,
    context: decision.context,
    governanceLevel: decision.governanceLevel,
    proposedBy: decision.proposedBy,
    meetingId: decision.meetingId,
    supersedes: decision.supersedes,
  });
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
