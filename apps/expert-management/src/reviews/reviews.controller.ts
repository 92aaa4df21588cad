import { Controller } from '@nestjs/common';
import {
  ApplicationRefDto,
  CompleteReview as Complete,
  GetComprehensiveReview,
  ListReviews,
  OptionalBatchDto,
  SearchReviews as Search,
  SearchReviewsV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { CompleteReview } from './complete-review';
import { ReadReview } from './read-review';
import { ReadReviews } from './read-reviews';
import { SearchReviews } from './search-reviews';

/** Comprehensive reviews (M8.1): completing one, and reading them as each role may. */
@Controller()
export class ReviewsController {
  constructor(
    private readonly completeReview: CompleteReview,
    private readonly readReviews: ReadReviews,
    private readonly readReview: ReadReview,
    private readonly searchReviews: SearchReviews,
  ) {}

  @Answers(Complete)
  complete(input: ApplicationRefDto, meta: MessageMeta) {
    return this.completeReview.execute(input, meta);
  }

  @Answers(GetComprehensiveReview)
  get(input: ApplicationRefDto, meta: MessageMeta) {
    return this.readReview.get(input, meta);
  }

  @Answers(ListReviews)
  list(input: OptionalBatchDto, meta: MessageMeta) {
    return this.readReviews.list(input, meta);
  }

  @Answers(Search)
  search(input: SearchReviewsV1, meta: MessageMeta) {
    return this.searchReviews.execute(input, meta);
  }
}
