/** The timeline's sizes (the lane labels read them too, so they live apart from the timeline). */
export interface TimelineOptions {
  rowHeight: number;
  labelWidth: number;
  axisHeight: number;
  /** Shown before lane labels in compare mode, per trace index ("A", "B"). */
  traceTags: readonly string[];
}

export const DEFAULT_TIMELINE_OPTIONS: TimelineOptions = { rowHeight: 22, labelWidth: 230, axisHeight: 28, traceTags: [] };
