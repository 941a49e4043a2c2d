import type { MeResponse, UserView } from "@entente/protocol";
import { api } from "../../../lib/api-client";

export interface Credentials {
  email: string;
  password: string;
}

export interface SignupInput extends Credentials {
  name: string;
}

export const authApi = {
  me: () => api.get<MeResponse>("/api/me"),
  login: (credentials: Credentials) => api.post<{ user: UserView }>("/api/auth/login", credentials),
  signup: (input: SignupInput) => api.post<{ user: UserView }>("/api/auth/signup", input),
  logout: () => api.post<void>("/api/auth/logout"),
};
