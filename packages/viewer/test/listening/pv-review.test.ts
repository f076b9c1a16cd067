import {
  allowedFromConflict,
  needsNote,
  PV_TRANSITIONS,
  transitionLabel,
} from '../../src/listening/pv-review.js';

describe('the PV review rules', () => {
  it('let new cases go anywhere, reported ones nowhere', () => {
    expect(PV_TRANSITIONS.new).toEqual(['in_review', 'reported', 'dismissed']);
    expect(PV_TRANSITIONS.reported).toEqual([]);
  });

  it('ask for a note to dismiss and to reopen', () => {
    expect(needsNote('in_review', 'dismissed')).toBe(true);
    expect(needsNote('dismissed', 'in_review')).toBe(true);
    expect(needsNote('new', 'in_review')).toBe(false);
    expect(needsNote('in_review', 'reported')).toBe(false);
  });

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
