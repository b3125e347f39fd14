import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roles } from '@kaoping/contracts/auth/role';
import { rectificationItemSchema } from '@kaoping/contracts/rectification/rectification-item';
import type { RectificationActionInput, RectificationEvent } from '@kaoping/contracts/rectification/rectification-action';
import {
  escalationLevels,
  isOpenRectificationStatus,
  isResolvedRectificationStatus,
  rectificationActions,
  type RectificationActionType,
  type RectificationStatus,
} from '@kaoping/contracts/rectification/rectification-status';
import type { RectificationItem } from '@kaoping/contracts/rectification/rectification-item';
import { applyTransition, isTransitionAllowed } from './rectification-machine';
import { actorFor, actorForAction, actors, instant, issueSample, sampleInputs } from './rectification-test-fixtures';

// Random walks through the machine. Each step either follows an action the table allows for the
// current status, by a permitted actor (most steps, so walks get deep), or tries any action by
// any actor (which the machine must refuse or handle). Whatever is accepted must leave the item
// consistent with its events.
const stepArb = fc.record({
  follow: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  pick: fc.nat(),
  action: fc.constantFrom(...rectificationActions),
  role: fc.constantFrom(...roles),
  otherUnit: fc.boolean(),
  level: fc.constantFrom(...escalationLevels),
  withNote: fc.boolean(),
  into: fc.constantFrom('2025Q3', '2025Q4', '2026Q1', '2026'),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function inputFor(action: RectificationActionType, step: Step): RectificationActionInput {
  if (action === 'escalate') return { type: 'escalate', level: step.level, note: step.withNote ? '情节严重' : null };
  if (action === 'carry_over') return { type: 'carry_over', into: step.into };
  return sampleInputs[action];
}

function walk(steps: readonly Step[]): { item: RectificationItem; events: RectificationEvent[] } {
  const issued = issueSample();
  let item = issued.item;
  const events: RectificationEvent[] = [issued.event];
  steps.forEach((step, i) => {
    const allowed = rectificationActions.filter((a) => isTransitionAllowed(item.status, a));
    const followed = step.follow ? allowed[step.pick % Math.max(1, allowed.length)] : undefined;
    const action = followed ?? step.action;
    const actor = followed
      ? actorForAction(followed)
      : step.role === 'liaison' && step.otherUnit
        ? actors.otherLiaison
        : actorFor(step.role);
    const before = item;
    const r = applyTransition(item, inputFor(action, step), actor, instant(i));
    if (!r.ok) return;
    if (!isOpenRectificationStatus(before.status)) throw new Error(`final status ${before.status} changed by ${action}`);
    if (r.event.fromStatus !== before.status || r.event.version !== before.version + 1) throw new Error('event does not chain');
    item = r.item;
    events.push(r.event);
  });
  return { item, events };
}

const walkArb = fc.array(stepArb, { minLength: 1, maxLength: 30 });

describe('rectification machine (properties)', () => {
  it('accepted sequences keep the item consistent with its events', () => {
    fc.assert(
      fc.property(walkArb, (steps) => {
        const { item, events } = walk(steps);
        rectificationItemSchema.parse(item);
        const count = (a: string) => events.filter((e) => e.action === a).length;
        return (
          item.version === events.length &&
          item.status === events[events.length - 1]?.toStatus &&
          item.recheckFailCount === count('recheck_fail') &&
          item.explanationRejectCount === count('reject_explanation') &&
          (item.closedOn !== null) === isResolvedRectificationStatus(item.status) &&
          (item.cancelledOn !== null) === (item.status === 'cancelled') &&
          (item.firstSubmittedOn !== null) === count('submit') + count('explain') > 0 &&
          item.carriedOver === count('carry_over') > 0 &&
          (item.escalationLevel === null) === (count('escalate') === 0)
        );
      }),
      { numRuns: 300 },
    );
  });

  it('the walks reach every status (so the property above is not vacuous)', () => {
    const reached = new Set<RectificationStatus>();
    fc.assert(
      fc.property(walkArb, (steps) => {
        for (const e of walk(steps).events) reached.add(e.toStatus);
      }),
      { numRuns: 300, seed: 42 },
    );
    expect([...reached].sort()).toEqual(
      [
        'acknowledged',
        'cancelled',
        'closed',
        'explained',
        'explanation_submitted',
        'in_progress',
        'issued',
        'returned',
        'submitted',
      ].sort(),
    );
  });
});
