import type { PvCaseView as PvCase, PvCasePage, PvReviewStatus as PvStatus } from '@kolmap/model';
import { ApiError } from '../../../src/api/api-client.js';
import {
  auditWhat,
  casesInStatus,
  initialPvQueue,
  type PvQueueState,
  pvQueueIntro,
  reducePvQueue,
  refusalOutcome,
  toAssigneeChange,
  toReviewChange,
} from '../../../src/ui/pv-queue/pv-queue-state.js';

function pvCase(id: string, status: PvStatus, assignee: string | null = null): PvCase {
  return {
    id,
    flag: {
      post: id,
      postId: id,
      platform: 'x',
      author: 'x:a',
      createdAt: '2024-03-01T10:00:00Z',
      language: 'en',
      text: 'felt dizzy after Glucora',
      kinds: ['adverse-event'],
      criteria: {
        reporter: 'x:a',
        patient: 'author',
        patientWords: [],
        products: ['Glucora'],
        events: ['dizzy'],
      },
    },
    status,
    allowedChanges: [],
    assignee,
    history: [],
  };
}

const page = (items: PvCase[], nextCursor: string | null = null): PvCasePage => ({
  items,
  nextCursor,
  byStatus: { new: 2, in_review: 1, reported: 0, dismissed: 0 },
});

function queue(): PvQueueState {
  return initialPvQueue(
    page([pvCase('p1', 'new'), pvCase('p2', 'new'), pvCase('p3', 'in_review')], 'c1'),
  );
}

describe('reducePvQueue', () => {
  it('lists a status, then appends its next page', () => {
    let state = reducePvQueue(queue(), { type: 'filter', status: 'new' });
    state = reducePvQueue(state, { type: 'listed', page: page([pvCase('p1', 'new')], 'c2') });
    expect(state.status).toBe('new');
    expect(state.cases.map((item) => item.id)).toEqual(['p1']);
    state = reducePvQueue(state, { type: 'more', page: page([pvCase('p2', 'new')]) });
    expect(state.cases.map((item) => item.id)).toEqual(['p1', 'p2']);
    expect(state.nextCursor).toBeNull();
  });

  it('opens a case with no outcome, and closes it keeping the list', () => {
    const before = queue();
    const withOutcome = reducePvQueue(before, {
      type: 'outcome',
      outcome: { kind: 'info', text: 'Saved' },
    });
    const opened = reducePvQueue(withOutcome, { type: 'open', item: before.cases[0] as PvCase });
    expect(opened.open?.id).toBe('p1');
    expect(opened.outcome).toBeNull();
    const closed = reducePvQueue(opened, { type: 'close' });
    expect(closed.open).toBeNull();
    expect(closed.cases).toBe(before.cases);
  });

  it('moves a changed case between the counts, and keeps it listed while open', () => {
    let state = reducePvQueue(queue(), { type: 'filter', status: 'new' });
    state = reducePvQueue(state, { type: 'open', item: state.cases[0] as PvCase });
    state = reducePvQueue(state, { type: 'changed', item: pvCase('p1', 'in_review') });
    expect(state.byStatus).toEqual({ new: 1, in_review: 2, reported: 0, dismissed: 0 });
    expect(state.open?.status).toBe('in_review');
    expect(state.cases.map((item) => [item.id, item.status])).toEqual([
      ['p1', 'in_review'],
      ['p2', 'new'],
    ]);
  });

  it('leaves the counts alone when the status did not change', () => {
    const before = queue();
    const state = reducePvQueue(before, { type: 'changed', item: pvCase('p2', 'new', 'Ann') });
    expect(state.byStatus).toBe(before.byStatus);
    expect(state.cases[1]?.assignee).toBe('Ann');
  });
});

describe('what the queue shows', () => {
  it('counts the cases of a status, or of all', () => {
    expect(casesInStatus(queue(), null)).toBe(3);
    expect(casesInStatus(queue(), 'in_review')).toBe(1);
  });

  it('says how many cases are listed, with + when there are more', () => {
    expect(pvQueueIntro(queue())).toBe(
      'Posts that may report an adverse event or a quality complaint, oldest first: 3+ cases.',
    );
    const one = reducePvQueue(reducePvQueue(queue(), { type: 'filter', status: 'in_review' }), {
      type: 'listed',
      page: page([pvCase('p3', 'in_review')]),
    });
    expect(pvQueueIntro(one)).toBe(
      'Posts that may report an adverse event or a quality complaint, oldest first: 1 in review case.',
    );
  });

  it('words the audit trail', () => {
    const entry = { at: '', by: 'ann', from: null, to: null, note: null };
    expect(auditWhat({ ...entry, action: 'flagged', to: 'new' })).toBe('Flagged: New');
    expect(auditWhat({ ...entry, action: 'status', from: 'new', to: 'in_review' })).toBe(
      'Status: New → In review',
    );
    expect(auditWhat({ ...entry, action: 'assignee' })).toBe('Assignee: nobody');
    expect(auditWhat({ ...entry, action: 'note', note: 'why' })).toBe('Note');
  });
});

describe('changes asked for', () => {
  it('asks for a note where the rules need one', () => {
    const item = pvCase('p1', 'new');
    expect(toReviewChange(item, 'dismissed', true, '  ')).toEqual({
      outcome: { kind: 'error', text: 'Dismiss: write a note saying why first.' },
    });
    expect(toReviewChange(item, 'dismissed', true, ' spam ')).toEqual({
      change: { status: 'dismissed', note: 'spam' },
    });
    expect(toReviewChange(item, 'in_review', false, '')).toEqual({
      change: { status: 'in_review' },
    });
  });

  it('assigns, unassigns, or changes nothing', () => {
    expect(toAssigneeChange(pvCase('p1', 'new'), ' Ann ')).toEqual({ assignee: 'Ann' });
    expect(toAssigneeChange(pvCase('p1', 'new', 'Ann'), '')).toEqual({ assignee: null });
    expect(toAssigneeChange(pvCase('p1', 'new', 'Ann'), 'Ann')).toBeNull();
  });

  it('says why a change was refused and what is allowed now', () => {
    const conflict = new ApiError(409, 'INVALID_REVIEW_CHANGE', 'reported cases are closed', [
      { allowed: [] },
    ]);
    expect(refusalOutcome(conflict)).toEqual({
      kind: 'error',
      text: 'Not allowed: reported cases are closed. The case is closed: no status may follow.',
    });
    const other = new ApiError(409, 'INVALID_REVIEW_CHANGE', 'no', [{ allowed: ['reported'] }]);
    expect(refusalOutcome(other).text).toBe('Not allowed: no. Allowed now: Reported.');
    expect(refusalOutcome(new ApiError(500, 'X', 'boom')).text).toBe('The change failed: boom');
  });
});
