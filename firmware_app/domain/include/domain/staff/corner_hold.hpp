#pragma once
// The hidden gesture that asks for the staff PIN: one finger pressed in a corner of the screen and held
// there for 3 seconds without leaving it. Customers tap and swipe; nobody rests a finger in a corner that
// long by accident, and the PIN still stands between the gesture and staff mode.
//
// Feed it the pointer as platform/ reports it: normalised coordinates (0..1 across the screen on each axis,
// origin top left) with the monotonic time of each event. Call update() when the loop wakes at
// next_change(), so the hold is recognised while the finger is still down.
//
// Guarantees:
//  - recognised exactly once per press, when the finger has been inside the same accepted corner for at
//    least `hold` (>=: a hold of exactly 3.000 s counts, 2.999 s does not);
//  - the finger is taken to be where it was last reported until the next event, so a move out of the corner
//    or a release at or after `hold` still counts: it stayed in the corner until that event;
//  - leaving the corner (or a press outside it) ends the attempt; coming back does not resume it, a new
//    press starts over;
//  - a time earlier than the press (a caller mixing clocks) restarts the hold from that time rather than
//    recognising anything; coordinates that are not numbers are outside every corner.

#include <chrono>
#include <optional>
#include <vector>

namespace kiosk::domain::staff {

enum class Corner { top_left, top_right, bottom_left, bottom_right };

struct CornerHoldPolicy {
  std::chrono::milliseconds hold{std::chrono::seconds{3}};
  // The corner region spans this fraction of the screen's width and of its height from the corner; kept
  // within [0.01, 0.5].
  float region = 0.08F;
  // Corners that accept the gesture; an empty list accepts none (staff mode by gesture switched off).
  std::vector<Corner> corners{Corner::top_left};
};

struct PointerPosition {
  float x = 0.0F;  // 0 = left edge, 1 = right edge
  float y = 0.0F;  // 0 = top edge, 1 = bottom edge
};

enum class HoldSignal {
  none,
  recognized,  // ask for the staff PIN now
};

class CornerHold {
 public:
  using Clock = std::chrono::steady_clock;

  explicit CornerHold(CornerHoldPolicy policy = {});

  HoldSignal press(PointerPosition at, Clock::time_point now);
  HoldSignal move(PointerPosition at, Clock::time_point now);
  HoldSignal release(Clock::time_point now);
  // The timer tick: recognises a hold that reached its length while the finger rests.
  HoldSignal update(Clock::time_point now);
  // Forgets the current press (the screen changed under the finger, the session was wiped).
  void cancel();

  // True while a press in a corner is being timed.
  bool holding() const { return m_pressed_at.has_value() && !m_reported; }
  // When update() will recognise the current hold; nullopt when nothing is being timed.
  std::optional<Clock::time_point> next_change() const;

  // Which accepted corner contains the point, if any.
  std::optional<Corner> corner_at(PointerPosition at) const;

 private:
  HoldSignal check(Clock::time_point now);

  CornerHoldPolicy m_policy;
  std::optional<Corner> m_corner;
  std::optional<Clock::time_point> m_pressed_at;
  bool m_reported = false;
};

}  // namespace kiosk::domain::staff
