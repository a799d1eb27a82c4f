/** Milestones of loading a trace, in ms since navigation: the scale test prints them. */
export const milestones: Record<string, number> = {};

export function milestone(name: string): void {
  milestones[name] = performance.now();
}
