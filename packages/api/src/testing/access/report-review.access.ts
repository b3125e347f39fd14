import { OFFICE, type Expect } from './expect';

export const reportReviewAccess: Record<string, Expect> = {
  'reportReview.start': OFFICE,
  'reportReview.status': OFFICE,
  'reportReview.export': OFFICE,
};
