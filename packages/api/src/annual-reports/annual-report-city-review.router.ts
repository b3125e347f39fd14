import {
  cityReviewExportInputSchema,
  cityReviewStartInputSchema,
  cityReviewStatusInputSchema,
} from '@kaoping/contracts/annual-report-review/city-review-input';
import { officeProcedure, router } from '../trpc';
import { exportCityReview, getCityReview, startCityReview } from './annual-report-city-review.service';

export const cityReviewRouter = router({
  /** Uploads a folder or .zip of published reports; reading runs off the request path. */
  start: officeProcedure.input(cityReviewStartInputSchema).mutation(({ ctx, input }) => startCityReview(ctx, input)),
  /** The job: progress while reading, then the review table. */
  status: officeProcedure.input(cityReviewStatusInputSchema).query(({ ctx, input }) => getCityReview(ctx, input)),
  /** The review table as .xlsx, base64. */
  export: officeProcedure.input(cityReviewExportInputSchema).mutation(({ ctx, input }) => exportCityReview(ctx, input)),
});
