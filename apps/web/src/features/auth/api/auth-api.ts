import type { LoginBody, RequestBody, SignupBody } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

export type Credentials = RequestBody<typeof LoginBody>;

export type SignupInput = RequestBody<typeof SignupBody>;

export const authApi = {
  me: () => api.call("GET /api/me"),
  login: (credentials: Credentials) => api.call("POST /api/auth/login", credentials),
  signup: (input: SignupInput) => api.call("POST /api/auth/signup", input),
  logout: () => api.call("POST /api/auth/logout"),
};
