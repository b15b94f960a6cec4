#pragma once
// Feeds the kiosk's InputEvents to ImGui 1.86, one button transition per frame: ImGui only sees a tap
// when "down" and "up" arrive in different frames, and a touchscreen often delivers both at once.

#include <deque>
#include <vector>

#include "platform/input.hpp"

struct ImGuiIO;

namespace kiosk::ui {

class UiInput {
 public:
  void push(const platform::InputEvent& event);
  bool has_pending() const { return !m_queue.empty() || m_lift_touch; }

  struct Applied {
    bool any = false;           // something reached ImGui this frame
    bool pointer_down = false;  // a finger or button went down: the customer is here
  };
  // Moves queued events into `io` up to and including the next button transition.
  Applied apply(ImGuiIO& io);

 private:
  std::deque<platform::InputEvent> m_queue;
  // After a finger lifts, the pointer leaves the screen on the next frame: touch has no hover, so no
  // button stays highlighted under a finger that is gone.
  bool m_lift_touch = false;
};

}  // namespace kiosk::ui
