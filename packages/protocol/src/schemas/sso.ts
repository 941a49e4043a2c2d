import { z } from "zod";
import { isLoopbackHttp } from "./fields.js";
import { Id } from "./fields.js";

const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** A DNS name of two labels or more, lower case, no trailing dot. */
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z
      .string()
      .max(253)
      .regex(
        /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        "must be a domain name such as example.com",
      ),
  );

/** https, or http on loopback only (a provider tried locally). */
const issuer = z
  .url()
  .max(500)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (url.protocol === "https:" || isLoopbackHttp(url)) && !url.search && !url.hash;
  }, "must be an https URL (http only on localhost) without query or fragment");

export const SsoSettingsBody = z.object({
  issuer,
  clientId: z.string().trim().min(1).max(500),
  clientSecret: z.string().min(1).max(2000).optional(),
  domains: z
    .array(domain)
    .min(1)
    .max(20)
    .refine((list) => new Set(list).size === list.length, "must not repeat a domain"),
  passwordSignIn: z.boolean(),
});

/** Only a path of this app: `/x`, never `//host` nor `/\host`. */
const next = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])/, "must be a path of this app");

export const SsoStartBody = z.object({
  email,
  next: next.optional(),
});

/** An id as every route takes it: a NUL byte or a traversal never reaches the store. */
export const OrganizationParam = z.object({ id: Id });
