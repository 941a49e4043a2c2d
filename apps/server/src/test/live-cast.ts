import type { LiveServer, LiveUser } from "./live-server.js";

export interface CastMember extends LiveUser {
  name: string;
}

export interface CastOrganization {
  id: string;
  name: string;
  admin: CastMember;
  editor: CastMember;
  viewer: CastMember;
}

export interface LiveCast {
  partnershipId: string;
  north: CastOrganization;
  south: CastOrganization;
}

/**
 * Northwind and Southpeak in one partnership on a live server, each with an admin, an
 * editor and a viewer, built the way people do it: Northwind's admin starts the
 * partnership and invites Southpeak, whose admin accepts; each admin invites its own
 * editor and viewer.
 */
export async function liveCast(live: LiveServer): Promise<LiveCast> {
  const ok = async <T = any>(
    method: string,
    path: string,
    body: unknown,
    user: LiveUser,
    status: number,
  ): Promise<T> => {
    const response = await live.api<T>(method, path, body, user.cookie);
    if (response.status !== status) {
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  };
  const member = async (name: string): Promise<CastMember> => ({
    ...(await live.signup(name)),
    name,
  });
  const organization = async (admin: CastMember, name: string) =>
    (await ok("POST", "/api/organizations", { name }, admin, 201)).organization.id as string;

  const northAdmin = await member("Nora North");
  const northId = await organization(northAdmin, "Northwind");
  const partnershipId = (
    await ok(
      "POST",
      "/api/partnerships",
      { name: "N × S", organizationId: northId },
      northAdmin,
      201,
    )
  ).partnership.id as string;
  const invite = async (by: CastMember, kind: string, role: string) =>
    (await ok("POST", `/api/partnerships/${partnershipId}/invitations`, { kind, role }, by, 201))
      .invitation.token as string;
  const accept = (token: string, user: CastMember) =>
    ok("POST", `/api/invitations/${token}/accept`, {}, user, 200);

  const southAdmin = await member("Sam South");
  const southId = await organization(southAdmin, "Southpeak");
  await accept(await invite(northAdmin, "organization", "admin"), southAdmin);

  const join = async (admin: CastMember, name: string, role: "editor" | "viewer") => {
    const user = await member(name);
    await accept(await invite(admin, "member", role), user);
    return user;
  };
  const cast: LiveCast = {
    partnershipId,
    north: {
      id: northId,
      name: "Northwind",
      admin: northAdmin,
      editor: await join(northAdmin, "Ned North", "editor"),
      viewer: await join(northAdmin, "Vic North", "viewer"),
    },
    south: {
      id: southId,
      name: "Southpeak",
      admin: southAdmin,
      editor: await join(southAdmin, "Sue South", "editor"),
      viewer: await join(southAdmin, "Val South", "viewer"),
    },
  };
  // An empty bell to start from: who joined while the cast was put together is set-up.
  await live.server.store.db
    .deleteFrom("notifications")
    .where("partnership_id", "=", partnershipId)
    .execute();
  return cast;
}
