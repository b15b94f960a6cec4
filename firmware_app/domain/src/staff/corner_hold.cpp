#include "domain/staff/corner_hold.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kiosk::domain::staff {
namespace {

constexpr float k_min_region = 0.01F;
constexpr float k_max_region = 0.5F;

bool is_left(Corner corner) {
  return corner == Corner::top_left || corner == Corner::bottom_left;
}
bool is_top(Corner corner) {
  return corner == Corner::top_left || corner == Corner::top_right;
}

// Inclusive of the screen edges: a finger on the very edge pixel is still in the corner.
bool inside(Corner corner, PointerPosition at, float region) {
  const float x = is_left(corner) ? at.x : 1.0F - at.x;
  const float y = is_top(corner) ? at.y : 1.0F - at.y;
  return x >= 0.0F && x <= region && y >= 0.0F && y <= region;
}

}  // namespace

CornerHold::CornerHold(CornerHoldPolicy policy) : m_policy(std::move(policy)) {
  // std::clamp passes NaN through (every comparison with it is false), so NaN is replaced first.
  m_policy.region =
      std::isnan(m_policy.region) ? k_min_region : std::clamp(m_policy.region, k_min_region, k_max_region);
  m_policy.hold = std::max(m_policy.hold, std::chrono::milliseconds{0});
}

std::optional<Corner> CornerHold::corner_at(PointerPosition at) const {
  if (!std::isfinite(at.x) || !std::isfinite(at.y)) {
    return std::nullopt;
  }
  for (const Corner corner : m_policy.corners) {
    if (inside(corner, at, m_policy.region)) {
      return corner;
    }
  }
  return std::nullopt;
}

HoldSignal CornerHold::press(PointerPosition at, Clock::time_point now) {
  cancel();
  m_corner = corner_at(at);
  if (m_corner) {
    m_pressed_at = now;
  }
  return HoldSignal::none;
}

HoldSignal CornerHold::move(PointerPosition at, Clock::time_point now) {
  if (!m_pressed_at) {
    return HoldSignal::none;
  }
  // The finger stayed at its last reported place until this event, so the hold is judged at `now` before
  // the move is applied.
  const HoldSignal signal = check(now);
  if (corner_at(at) != m_corner) {
    cancel();
  }
  return signal;
}

HoldSignal CornerHold::release(Clock::time_point now) {
  const HoldSignal signal = m_pressed_at ? check(now) : HoldSignal::none;
  cancel();
  return signal;
}

HoldSignal CornerHold::update(Clock::time_point now) {
  return m_pressed_at ? check(now) : HoldSignal::none;
}

void CornerHold::cancel() {
  m_corner.reset();
  m_pressed_at.reset();
  m_reported = false;
}

std::optional<CornerHold::Clock::time_point> CornerHold::next_change() const {
  if (!holding()) {
    return std::nullopt;
  }
  return *m_pressed_at + m_policy.hold;
}

HoldSignal CornerHold::check(Clock::time_point now) {
  if (m_reported) {
    return HoldSignal::none;
  }
  if (now < *m_pressed_at) {
    // Time ran backwards (mixed clocks): the only safe reading is that the hold starts now.
    m_pressed_at = now;
    return HoldSignal::none;
  }
  if (now - *m_pressed_at < m_policy.hold) {
    return HoldSignal::none;
  }
  m_reported = true;
  return HoldSignal::recognized;
}

}  // namespace kiosk::domain::staff
