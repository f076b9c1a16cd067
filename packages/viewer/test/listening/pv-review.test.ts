import { allowedFromConflict, transitionLabel } from '../../src/listening/pv-review.js';

describe('the PV review words', () => {
  it('name each change', () => {
    expect(transitionLabel('new', 'in_review')).toBe('Start review');
    expect(transitionLabel('dismissed', 'in_review')).toBe('Reopen for review');
  });
});

describe('allowedFromConflict', () => {
  it("reads the statuses a 409's details allow", () => {
    expect(
      allowedFromConflict([
        { status: 'in_review', allowed: ['reported', 'dismissed'], message: '' },
      ]),
    ).toEqual(['reported', 'dismissed']);
    expect(allowedFromConflict([{ status: 'reported', allowed: [] }])).toEqual([]);
  });

  it('is null when the details do not say', () => {
    expect(allowedFromConflict(undefined)).toBeNull();
    expect(allowedFromConflict([{ message: 'x' }])).toBeNull();
  });
});
