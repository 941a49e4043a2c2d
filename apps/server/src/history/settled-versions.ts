import type { Logger } from "../observability/logger.js";
import { PeriodicTask } from "../scheduling/periodic-task.js";
import type { VersionService } from "./version-service.js";

/**
 * Keeps an automatic version of each rich-text document once a burst of edits settled:
 * no edit for `settleMs`. Run every interval by `start`.
 */
export function settledVersions(
  versions: Pick<VersionService, "keepSettled">,
  settleMs: number,
  logger: Logger,
): PeriodicTask {
  return new PeriodicTask(
    () => versions.keepSettled(settleMs),
    logger,
    "keeping settled versions failed",
  );
}
