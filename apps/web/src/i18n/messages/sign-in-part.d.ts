// `./en?sign-in`, `./fr?sign-in`: a catalogue's sign-in messages, cut by build/catalogue-parts.ts
// (without that plugin, as in unit tests, the whole catalogue: a superset).
declare module "*?sign-in" {
  type Part = Partial<Record<import("./en").MessageKey, string>>;
  export const en: Part;
  export const fr: Part;
}
