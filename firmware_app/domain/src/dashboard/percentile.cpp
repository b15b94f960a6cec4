#include "domain/dashboard/percentile.hpp"

#include <algorithm>

namespace kiosk::domain::dashboard {

std::optional<std::int64_t> nearest_rank_percentile(std::span<std::int64_t> values, int percent) {
  if (values.empty()) {
    return std::nullopt;
  }
  const auto p = static_cast<std::size_t>(std::clamp(percent, 1, 100));
  // rank = ceil(p * n / 100), 1-based; p * n cannot overflow for any span that fits in memory.
  const std::size_t rank = (p * values.size() + 99) / 100;
  const auto nth = values.begin() + static_cast<std::ptrdiff_t>(rank - 1);
  std::nth_element(values.begin(), nth, values.end());
  return *nth;
}

}  // namespace kiosk::domain::dashboard
