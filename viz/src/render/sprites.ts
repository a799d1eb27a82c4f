import type { MarkKind } from '../layout/marks.js';
import { MARK_STYLES, markPath } from './palette.js';

/** Size of a mark's sprite in CSS pixels; symbols are drawn centred in it. */
export const SPRITE_CSS_PX = 18;

const cache = new Map<string, HTMLCanvasElement>();

/**
 * A mark's symbol pre-drawn once per device pixel ratio: copying a small
 * bitmap is much cheaper than filling a path for each of thousands of marks.
 */
export function markSprite(kind: MarkKind, dpr: number): HTMLCanvasElement {
  const key = `${kind}@${dpr}`;
  let sprite = cache.get(key);
  if (sprite) return sprite;
  sprite = document.createElement('canvas');
  sprite.width = sprite.height = Math.ceil(SPRITE_CSS_PX * dpr);
  const ctx = sprite.getContext('2d')!;
  const style = MARK_STYLES[kind];
  const path = new Path2D(markPath(kind));
  ctx.setTransform(dpr, 0, 0, dpr, (SPRITE_CSS_PX * dpr) / 2, (SPRITE_CSS_PX * dpr) / 2);
  if (style.stroked) {
    ctx.strokeStyle = style.color;
    ctx.lineWidth = 1.6;
    ctx.stroke(path);
  } else {
    ctx.strokeStyle = style.outline ?? '#ffffff';
    ctx.lineWidth = style.outline ? 2 : 1.5;
    ctx.stroke(path);
    ctx.fillStyle = style.color;
    ctx.fill(path);
  }
  cache.set(key, sprite);
  return sprite;
}
