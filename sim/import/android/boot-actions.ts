import type { RcSection } from './parse.js';

/**
 * What the `on` actions of a boot start (AOSP system/core/init/README.md
 * "Commands"; init/builtins.cpp do_start(), do_exec_start(), do_class_start()).
 * The boot runs the triggers init.rc chains from `early-init` and `late-init`
 * (`trigger early-fs`, `trigger post-fs-data`, `trigger zygote-start`,
 * `trigger boot`, ...); an action also guarded by a property
 * (`on boot && property:ro.x=1`) or triggered by a property alone runs only
 * when that property is set, which an import cannot know: its starts are
 * reported, not followed.
 */
export const BOOT_TRIGGERS = new Set([
  'early-init', 'init', 'late-init', 'early-fs', 'fs', 'post-fs', 'late-fs', 'post-fs-data', 'post-fs-data-checkpointed',
  'zygote-start', 'firmware_mounts_complete', 'load-bpf-programs', 'bpf-progs-loaded', 'load_persist_props_action',
  'early-boot', 'boot', 'nonencrypted',
]);

export interface BootStart {
  /** `start` (a daemon), `exec_start` (init waits for it to exit: a one-shot) or `class_start`. */
  how: 'start' | 'exec_start' | 'class_start';
  name: string;
  at: string;
}

export interface ConditionalStart extends BootStart {
  trigger: string;
}

/** Whether an `on` section's trigger runs during every boot. */
export function isBootTrigger(args: readonly string[]): boolean {
  return args.length === 1 && BOOT_TRIGGERS.has(args[0]!);
}

/** The services and classes the boot's `on` actions start, and the starts guarded by a property. */
export function bootStarts(sections: readonly RcSection[]): { atBoot: BootStart[]; conditional: ConditionalStart[] } {
  const atBoot: BootStart[] = [];
  const conditional: ConditionalStart[] = [];
  for (const s of sections) {
    if (s.keyword !== 'on') continue;
    const boot = isBootTrigger(s.args);
    for (const l of s.body) {
      const [command, name] = l.tokens;
      if ((command !== 'start' && command !== 'exec_start' && command !== 'class_start') || name === undefined) continue;
      const start: BootStart = { how: command, name, at: `${l.file}:${l.line}` };
      if (boot) atBoot.push(start);
      else conditional.push({ ...start, trigger: s.args.join(' ') });
    }
  }
  return { atBoot, conditional };
}
