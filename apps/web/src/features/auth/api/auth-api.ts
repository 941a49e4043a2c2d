import type { MeResponse, UserView } from "@entente/protocol";
import type { LoginBody, RequestBody, SignupBody } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

export type Credentials = RequestBody<typeof LoginBody>;

export type SignupInput = RequestBody<typeof SignupBody>;

export const authApi = {
  me: () => api.get<MeResponse>("/api/me"),
  login: (credentials: Credentials) => api.post<{ user: UserView }>("/api/auth/login", credentials),
  signup: (input: SignupInput) => api.post<{ user: UserView }>("/api/auth/signup", input),
  logout: () => api.post<void>("/api/auth/logout"),
};
