/**
 * The paths and props of every `[plan]` route, computed here once (as Starlight's utils/routing does), so a route's
 * getStaticPaths is one call and its page reads the plan from its props instead of looking it up again.
 */
import { renderedPlans, type RenderedPlan } from './plans.ts';

/** What every `[plan]` route gets: the plan whose page it renders. (A type, not an interface: Astro's props are a record.) */
export type PlanProps = { p: RenderedPlan };

/** A route's own parameters (besides `plan`) and props for one page of a plan. */
export type PlanRoute<P extends Record<string, string>, T extends Record<string, unknown>> = { params: P; props: T };

/**
 * getStaticPaths of a page each rendered plan has once (/<id>/full/ …); `has` leaves out plans without one.
 * @example export const getStaticPaths = (() => planRoutes((p) => hasOffices(p.plan))) satisfies GetStaticPaths;
 */
export async function planRoutes(has: (p: RenderedPlan) => boolean = () => true): Promise<{ params: { plan: string }; props: PlanProps }[]> {
  return (await renderedPlans()).filter(has).map((p) => ({ params: { plan: p.id }, props: { p } }));
}

/**
 * getStaticPaths of pages a plan has several of (/<id>/sections/<n>/ …): the pages `each` gives for each rendered
 * plan, with the plan added to their params and props.
 */
export async function planRoutesEach<P extends Record<string, string>, T extends Record<string, unknown>>(
  each: (p: RenderedPlan) => PlanRoute<P, T>[],
): Promise<{ params: P & { plan: string }; props: T & PlanProps }[]> {
  return (await renderedPlans()).flatMap((p) => each(p).map((r) => ({ params: { ...r.params, plan: p.id }, props: { ...r.props, p } })));
}
