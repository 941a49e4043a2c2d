import { z } from "zod";
import { displayName } from "./fields.js";

const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const SignupBody = z.object({
  email,
  password: z.string().min(8, "must be at least 8 characters").max(256),
  name: displayName(100),
});

export const LoginBody = z.object({
  email,
  password: z.string().min(1).max(256),
});
