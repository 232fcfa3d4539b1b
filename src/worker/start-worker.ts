/**
 * Starts the engine's module workers so the page's Content-Security-Policy applies inside them.
 *
 * A worker loaded from its own URL follows only the CSP headers of that script's response, which
 * static hosting cannot set, so the `<meta>` policy in index.html would not reach it: a template
 * escape could then compile code with `Function` in the worker. A worker started from a `blob:`
 * URL inherits the policy of the document (or worker) that creates it, so each worker starts from
 * a one-line blob that imports the real, same-origin script.
 */

/** One bootstrap blob per script, kept for the page's lifetime (workers are restarted from it). */
const bootstraps = new Map<string, string>();

/** `scriptUrl` comes from a `?worker&url` import; it is resolved against this module, never against a blob. */
export function startModuleWorker(scriptUrl: string, name: string): Worker {
  const absolute = new URL(scriptUrl, import.meta.url).href;
  let bootstrap = bootstraps.get(absolute);
  if (bootstrap === undefined) {
    const source = `import ${JSON.stringify(absolute)};\n`;
    bootstrap = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    bootstraps.set(absolute, bootstrap);
  }
  return new Worker(bootstrap, { type: 'module', name });
}
