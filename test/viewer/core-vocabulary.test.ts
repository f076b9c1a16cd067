// The viewer lists some of core's vocabularies itself (it does not bundle core): they must be core's.
// (Which changes a PV case allows the API says on each case.)
import { PLATFORMS, PV_REVIEW_STATUSES } from '@kolmap/core';
import { PV_STATUSES } from '../../packages/viewer/src/api/api-types.js';
import { PLATFORMS as VIEWER_PLATFORMS } from '../../packages/viewer/src/graph/vocabulary.js';
import { PV_STATUS_LABELS } from '../../packages/viewer/src/listening/pv-review.js';

describe("the viewer's copies of core's vocabularies", () => {
  it("PV review statuses are core's, each with a label", () => {
    expect(PV_STATUSES).toEqual(PV_REVIEW_STATUSES);
    expect(Object.keys(PV_STATUS_LABELS).sort()).toEqual([...PV_REVIEW_STATUSES].sort());
  });

  it("platforms are core's", () => {
    expect(VIEWER_PLATFORMS).toEqual(PLATFORMS);
  });
});
