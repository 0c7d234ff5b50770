/** The page being loaded: the router sets it while simulate runs the page's script, `Page()` reads it. */
let loadingRoute = '';

export function withLoadingRoute<T>(route: string, run: () => T): T {
  const previous = loadingRoute;
  loadingRoute = route;
  try {
    return run();
  } finally {
    loadingRoute = previous;
  }
}

export function currentLoadingRoute(): string {
  return loadingRoute;
}
