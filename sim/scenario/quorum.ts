import { z } from 'zod';
import { componentName } from '../format/fields.js';
import { ScenarioProblem, type FieldPath } from '../format/errors.js';

/**
 * A quorum dependency, `depends: { quorum: 2, of: [a, b, c] }`: the component
 * needs k of the n members running, as a raft group needs a majority
 * (etcd-io/raft quorum/majority.go `VoteResult`: `q := len(c)/2 + 1`; a
 * leader without an active quorum steps down, raft.go `stepLeader`
 * MsgCheckQuorum). `depends` takes names and quorum objects side by side.
 */

const name = componentName;

export const quorumDependency = z
  .strictObject({
    quorum: z.number({ error: 'expected a whole number' }).int().min(1, { error: 'a quorum is at least 1' }).describe('How many of `of` must run.'),
    of: z.array(name).min(1, { error: 'a quorum needs members' }).describe('The members.'),
  })
  .describe('Needs `quorum` of the components in `of` running (k of n).');

export const dependsField = z
  .union([z.array(z.union([name, quorumDependency])), quorumDependency])
  .optional()
  .describe('Components this one needs running (started first, stopped last); `{ quorum: k, of: [...] }` needs k of them.');

export interface QuorumSpec {
  k: number;
  of: string[];
  /** Where it was written in `depends` (its index; undefined when `depends` is the quorum itself), for error messages. */
  at?: number;
}

/** The file path of a quorum (under its component's path). */
export function quorumPath(componentPath: FieldPath, q: QuorumSpec): FieldPath {
  return q.at === undefined ? [...componentPath, 'depends'] : [...componentPath, 'depends', q.at];
}

type DependsInput = z.infer<typeof dependsField>;

/** Splits `depends` into plain dependencies and quorums (`path`: the component's). */
export function resolveDepends(input: DependsInput, path: FieldPath): { depends: string[]; quorums: readonly QuorumSpec[] } {
  if (input === undefined) return { depends: NO_DEPENDS as string[], quorums: NO_QUORUMS };
  const items = Array.isArray(input) ? input : [input];
  // Names alone (the usual case): one copy of exactly their length. An array grown by push from empty keeps
  // room for 16 names, some 150 bytes a component wasted at a million components.
  if (items.every((item) => typeof item === 'string')) return { depends: items.slice() as string[], quorums: NO_QUORUMS };
  const depends: string[] = [];
  const quorums: QuorumSpec[] = [];
  items.forEach((item, k) => {
    if (typeof item === 'string') return depends.push(item);
    const at: FieldPath = Array.isArray(input) ? [...path, 'depends', k] : [...path, 'depends'];
    if (item.quorum > item.of.length) throw new ScenarioProblem([...at, 'quorum'], `a quorum of ${item.quorum} cannot be met by ${item.of.length} members`);
    const seen = new Set<string>();
    item.of.forEach((m, j) => {
      if (seen.has(m)) throw new ScenarioProblem([...at, 'of', j], `"${m}" is listed twice`);
      seen.add(m);
    });
    quorums.push({ k: item.quorum, of: [...item.of], ...(Array.isArray(input) ? { at: k } : {}) });
    return undefined;
  });
  return { depends, quorums: quorums.length === 0 ? NO_QUORUMS : quorums };
}

/** No quorum: shared by every component without one (the caller keeps only a non-empty list). */
const NO_QUORUMS: readonly QuorumSpec[] = Object.freeze([]);

/** No dependencies: shared by every component that names none (frozen: resolved specs are read, never changed). */
const NO_DEPENDS: readonly string[] = Object.freeze([]);

/**
 * The file path of the k-th plain name in a resolved `depends` (quorum items
 * beside names shift the positions): `depends[j]` with j its index as written.
 */
export function plainDependsPath(componentPath: FieldPath, quorums: readonly QuorumSpec[] | undefined, k: number): FieldPath {
  const taken = new Set((quorums ?? []).flatMap((q) => (q.at === undefined ? [] : [q.at])));
  let j = 0;
  for (let seen = 0; ; j++) {
    if (taken.has(j)) continue;
    if (seen++ === k) break;
  }
  return [...componentPath, 'depends', j];
}
