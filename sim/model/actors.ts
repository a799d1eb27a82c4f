/** Names that appear in `by` fields of the trace for actors that are not components. */

/** The root monitor: supervises every component that names no monitor, and never fails. */
export const ROOT_MONITOR = 'init';

/** Fuchsia's component manager: the actor behind `on_terminate: reboot` (F1-F7). */
export const COMPONENT_MANAGER = 'component_manager';
