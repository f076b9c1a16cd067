// The viewer lists and labels the PV review statuses itself: they must be core's. (Which changes a
// case allows the API says on each case.)
import { PV_REVIEW_STATUSES } from '@kolmap/core';
import { PV_STATUSES } from '../../packages/viewer/src/api/api-types.js';
import { PV_STATUS_LABELS } from '../../packages/viewer/src/listening/pv-review.js';

describe("the viewer's PV review statuses", () => {
  it("are core's, each with a label", () => {
    expect(PV_STATUSES).toEqual(PV_REVIEW_STATUSES);
    expect(Object.keys(PV_STATUS_LABELS).sort()).toEqual([...PV_REVIEW_STATUSES].sort());
  });
});
