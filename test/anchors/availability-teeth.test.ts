import { ServingClock } from '../../sim/trace/serving-time.js';
import { describeTeeth, type Tooth } from '../helpers/teeth.js';

/**
 * Issue 20 item 10: "available" means serving (running, ready, past its
 * warm-up), "up" means running. Count serving as running again and the
 * anchors that pin both figures fail.
 */
function servingIsRunning(): () => void {
  const proto = ServingClock.prototype as unknown as { totals: ServingClock['totals'] };
  const original = proto.totals;
  proto.totals = function (this: ServingClock, endUs: number) {
    const { upUs } = original.call(this, endUs);
    return { upUs, servingUs: [...upUs] };
  };
  return () => {
    proto.totals = original;
  };
}

const TEETH: Tooth[] = [
  {
    rule: 'available = past the warm-up',
    file: 'scenarios/anchors/k8s-liveness-kills-slow-database.yaml',
    breaks: 'time running counts as available (a database killed before its warm-up ends)',
    breakModel: servingIsRunning,
    givesAway: 'available % = 0: got 48.17',
  },
  {
    rule: 'available = ready',
    file: 'scenarios/anchors/k8s-readiness-gates-dependents.yaml',
    breaks: 'time running counts as available (a database not yet ready)',
    breakModel: servingIsRunning,
    givesAway: 'available % = 66.58: got 83.17',
  },
];

describeTeeth('availability counts serving, not running (issue 20 item 10)', TEETH);
