// The viewer shows the PV review rules before the API applies them: they must be core's.
import { PV_REVIEW_STATUSES, PV_REVIEW_TRANSITIONS } from '@kolmap/core';
import { PV_STATUSES } from '../../packages/viewer/src/api/api-types.js';
import { PV_TRANSITIONS } from '../../packages/viewer/src/listening/pv-review.js';

describe("the viewer's PV review rules", () => {
  it("are core's statuses and transitions", () => {
    expect(PV_STATUSES).toEqual(PV_REVIEW_STATUSES);
    expect(PV_TRANSITIONS).toEqual(PV_REVIEW_TRANSITIONS);
  });
});
