/**
 * `astro dev` shows an edit to a plan within seconds: this integration adds the plans folder (PLANS_DIR, else
 * seeds/; or PLAN_FILE and its plan.json) to the dev server's own file watcher, and on a change regenerates that
 * plan's content/plans/<id>/ (src/publish/content/plan-watch.ts). The pages import content/'s files
 * (src/lib/plans.ts), so Vite sees the change and reloads them. Dev only: a build writes content once, before Astro
 * starts (scripts/build.ts).
 */
import type { AstroIntegration } from 'astro';

/** The Astro integration. */
export function planContent(): AstroIntegration {
  return {
    name: 'plan-content',
    hooks: {
      'astro:server:setup': async ({ server, logger }) => {
        // Loaded here, in the dev server only: the config, and so every `astro build`, never imports the build's code.
        const { PlanWatch } = await import('../publish/content/plan-watch.ts');
        const watch = new PlanWatch(process.env, { info: (line) => logger.info(line), error: (line) => logger.error(line) });
        server.watcher.add(watch.paths);
        server.watcher.on('all', (_event, path) => watch.changed(path));
        server.httpServer?.once('close', () => watch.close());
      },
    },
  };
}
