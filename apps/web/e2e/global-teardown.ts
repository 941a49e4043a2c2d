import { rm } from "node:fs/promises";

/** Removes the SQLite directory made for this run (playwright.config.ts creates it). */
export default async function globalTeardown(): Promise<void> {
  const dir = process.env.ENTENTE_E2E_DATA_DIR;
  if (dir) await rm(dir, { recursive: true, force: true });
}
