import { allowedReviewChanges, PV_REVIEW_STATUSES } from '@kolmap/model';
import { InvalidInputError } from '../../src/errors.js';
import {
  changePvCase,
  marketingExclusions,
  mergePvCases,
  openPvCases,
  type PvFlag,
  PvReviewError,
} from '../../src/listen/review-queue.js';

const FLAG: PvFlag = {
  post: 'x:p1',
  postId: 'p1',
  platform: 'x',
  author: 'x:a1',
  createdAt: '2024-03-01T10:00:00Z',
  language: 'en',
  text: 'Since starting Clotavane I have had nosebleeds',
  kinds: ['adverse-event'],
  criteria: {
    reporter: 'x:a1',
    patient: 'named',
    patientWords: ['i'],
    products: ['Clotavane'],
    events: ['nosebleeds'],
    eventClasses: ['vascular'],
    doubts: [],
    score: 0.54,
  },
};
const OPENED = { by: 'kolmap listen', at: '2024-03-02T08:00:00Z' };
const ALICE = { by: 'alice', at: '2024-03-02T09:00:00Z' };
const BOB = { by: 'bob', at: '2024-03-03T09:00:00Z' };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('the pharmacovigilance review queue', () => {
  const [opened] = openPvCases([FLAG], OPENED);
  if (!opened) throw new Error('no case opened');

  it('opens one new, unassigned case per flagged post, with a flagged audit entry', () => {
    expect(opened).toEqual({
      id: 'x:p1',
      flag: FLAG,
      status: 'new',
      assignee: null,
      history: [
        {
          ...OPENED,
          action: 'flagged',
          from: null,
          to: 'new',
          note: 'adverse-event: Clotavane; nosebleeds',
        },
      ],
    });
  });

  it('records who changed what, one audit entry per field, and never changes the case it is given', () => {
    const taken = changePvCase(opened, { status: 'in_review', assignee: 'alice' }, ALICE);
    const reported = changePvCase(
      taken,
      { status: 'reported', note: 'sent as ICSR 2024-0042' },
      BOB,
    );
    expect(reported.status).toBe('reported');
    expect(reported.history.slice(1)).toEqual([
      { ...ALICE, action: 'status', from: 'new', to: 'in_review', note: null },
      { ...ALICE, action: 'assignee', from: null, to: 'alice', note: null },
      {
        ...BOB,
        action: 'status',
        from: 'in_review',
        to: 'reported',
        note: 'sent as ICSR 2024-0042',
      },
    ]);
    expect(opened.status).toBe('new');
    expect(opened.history).toHaveLength(1);
  });

  it('keeps a note on its own when nothing else changes', () => {
    const noted = changePvCase(opened, { note: 'called the reporter' }, ALICE);
    expect(noted.history[1]).toEqual({
      ...ALICE,
      action: 'note',
      from: null,
      to: null,
      note: 'called the reporter',
    });
  });

  it('refuses what the rules forbid: reported is final, dismissing and reopening need a note', () => {
    const reported = changePvCase(opened, { status: 'reported' }, ALICE);
    expect(codeOf(() => changePvCase(reported, { status: 'in_review' }, BOB))).toBe(
      'INVALID_REVIEW_CHANGE',
    );
    expect(codeOf(() => changePvCase(opened, { status: 'dismissed' }, BOB))).toBe(
      'INVALID_REVIEW_CHANGE',
    );
    const dismissed = changePvCase(opened, { status: 'dismissed', note: 'fiction writing' }, BOB);
    expect(codeOf(() => changePvCase(dismissed, { status: 'in_review' }, ALICE))).toBe(
      'INVALID_REVIEW_CHANGE',
    );
    expect(
      changePvCase(dismissed, { status: 'in_review', note: 'real after all' }, ALICE).status,
    ).toBe('in_review');
    expect(() => changePvCase(reported, { status: 'new' }, BOB)).toThrow(PvReviewError);
  });

  it('tells the allowed changes of each status exactly as changePvCase applies them', () => {
    for (const from of PV_REVIEW_STATUSES) {
      const pvCase = { ...opened, status: from };
      const allowed = allowedReviewChanges(from);
      for (const to of PV_REVIEW_STATUSES.filter((status) => status !== from)) {
        const listed = allowed.find(({ status }) => status === to);
        const withoutNote = () => changePvCase(pvCase, { status: to }, ALICE);
        const withNote = () => changePvCase(pvCase, { status: to, note: 'why' }, ALICE);
        if (listed === undefined) {
          expect(withNote).toThrow(PvReviewError);
        } else {
          expect(withNote().status).toBe(to);
          if (listed.needsNote) expect(withoutNote).toThrow(PvReviewError);
          else expect(withoutNote().status).toBe(to);
        }
      }
    }
    expect(allowedReviewChanges('reported')).toEqual([]);
    expect(allowedReviewChanges('new')).toEqual([
      { status: 'in_review', needsNote: false },
      { status: 'reported', needsNote: false },
      { status: 'dismissed', needsNote: true },
    ]);
  });

  it('checks the change and the reviewer with zod', () => {
    expect(() => changePvCase(opened, {}, ALICE)).toThrow(InvalidInputError);
    expect(() => changePvCase(opened, { status: 'closed' as 'new' }, ALICE)).toThrow(
      InvalidInputError,
    );
    expect(() =>
      changePvCase(opened, { status: 'in_review' }, { by: '', at: 'yesterday' }),
    ).toThrow(InvalidInputError);
  });

  it('keeps existing cases untouched when listening again and adds the new flags', () => {
    const reviewed = changePvCase(opened, { status: 'in_review' }, ALICE);
    const second: PvFlag = { ...FLAG, post: 'x:p2', postId: 'p2' };
    const merged = mergePvCases([reviewed], [FLAG, second], BOB);
    expect(merged.map((item) => [item.id, item.status])).toEqual([
      ['x:p1', 'in_review'],
      ['x:p2', 'new'],
    ]);
    expect(merged[0]).toBe(reviewed);
  });

  it('keeps every flagged post out of marketing exports unless dismissed cases are released', () => {
    const dismissed = changePvCase(
      { ...opened, id: 'x:p2' },
      { status: 'dismissed', note: 'not a patient' },
      BOB,
    );
    expect([...marketingExclusions([opened, dismissed])]).toEqual(['x:p1', 'x:p2']);
    expect([...marketingExclusions([opened, dismissed], { releaseDismissed: true })]).toEqual([
      'x:p1',
    ]);
  });
});
