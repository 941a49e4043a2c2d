/**
 * How workshop operations refuse: a 409 when the board's state does not allow the change,
 * a 400 naming the offending field as `readJson` names them (docs/API.md, "Errors").
 */
import { DomainError } from "../domain-error.js";

export function conflict(message: string): DomainError {
  return new DomainError("conflict", message);
}

/** A 400 naming the offending field. */
export function invalid(path: string, message: string): DomainError {
  return new DomainError("invalid_input", `${path}: ${message}`, [{ path, message }]);
}

/** The same from a `"<path>: <message>"` problem (a ballot's, a schema writer's). */
export function invalidProblem(problem: string): DomainError {
  const at = problem.indexOf(": ");
  return at === -1 ? invalid("", problem) : invalid(problem.slice(0, at), problem.slice(at + 2));
}
