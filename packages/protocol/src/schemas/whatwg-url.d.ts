/*
 * The WHATWG URL, a global of browsers and Node alike. This package compiles without DOM or
 * Node types (it must run in both), so the little of it the request schemas use is declared here.
 */
declare class URL {
  constructor(url: string, base?: string);
  static canParse(url: string, base?: string): boolean;
  readonly protocol: string;
  readonly hostname: string;
  readonly search: string;
  readonly hash: string;
}
