/**
 * Importing this module registers every registry's README section in
 * DOC_SECTIONS (each registry's doc module pushes its own), for
 * `npm run docs` and the drift test. One import per registry.
 */
import '../faults/doc.js';
import '../policy/presets/doc.js';
import '../checks/invariants/doc.js';
