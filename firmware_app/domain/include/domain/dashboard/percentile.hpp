#pragma once
// The percentile definition every dashboard figure uses (nearest rank): the p-th percentile of n values is
// the smallest value v such that at least p % of the values are <= v, that is the value at rank
// ceil(p * n / 100) (1-based) in ascending order. It is always one of the observed values, never an
// interpolation, and it agrees with the unweighted case of the wait estimate's quantile. So the median
// (p = 50) of an even count is the LOWER of the two middle values: of {1, 2, 3, 4} it is 2; p80 of
// {1..10} is 8, of {1..4} it is 4 (rank ceil(3.2) = 4).

#include <cstdint>
#include <optional>
#include <span>

namespace kiosk::domain::dashboard {

// The nearest-rank percentile of `values` (reordered in place, in linear time on average). nullopt when
// `values` is empty; percent is clamped to 1..100.
std::optional<std::int64_t> nearest_rank_percentile(std::span<std::int64_t> values, int percent);

}  // namespace kiosk::domain::dashboard
