import { Controller } from '@nestjs/common';
import {
  ApplicationRefDto,
  GetComprehensiveReview,
  ListReviews,
  OptionalBatchDto,
  SearchReviews as Search,
  SearchReviewsV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ReadReview } from './read-review';
import { ReadReviews } from './read-reviews';
import { SearchReviews } from './search-reviews';

/** Comprehensive reviews (M8.1): reading them as each role may (the institution's report concludes one: ../reports). */
@Controller()
export class ReviewsController {
  constructor(
    private readonly readReviews: ReadReviews,
    private readonly readReview: ReadReview,
    private readonly searchReviews: SearchReviews,
  ) {}

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
