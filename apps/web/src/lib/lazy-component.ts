import { createElement, lazy, type ComponentType, type FunctionComponent } from "react";

/** A component whose code is a chunk of its own, loaded on first render or ahead of it. */
export interface LazyComponent<Props extends object> extends FunctionComponent<Props> {
  /** Loads the chunk; once it is in, the component renders without suspending. */
  preload(): Promise<void>;
}

/**
 * `React.lazy`, except that a component whose chunk is already loaded (`preload`, or an
 * earlier render) renders at once instead of suspending. React shows a revealed Suspense
 * boundary at the earliest 300 ms after the last fallback it showed: nested lazy parts of
 * one page, each suspending in turn, would cost that much each (the charter took three).
 */
export function lazyComponent<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): LazyComponent<Props> {
  let loaded: ComponentType<Props> | null = null;
  let loading: Promise<void> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        // A failed load (offline, a deploy replaced the chunk) may be tried again later.
        loading = null;
        throw error;
      },
    ));
  const Suspending = lazy(async () => {
    await preload();
    return { default: loaded as ComponentType<Props> };
  });
  const Component = (props: Props) =>
    createElement(loaded ?? (Suspending as unknown as ComponentType<Props>), props);
  return Object.assign(Component, { preload });
}
