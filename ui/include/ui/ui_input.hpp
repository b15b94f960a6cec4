#pragma once
// Feeds the kiosk's InputEvents to ImGui 1.86, one button transition per frame: ImGui only sees a tap
// when "down" and "up" arrive in different frames, and a touchscreen often delivers both at once.
// Hardware keys (Backspace, Enter, Tab, arrows, Delete, Escape, Home, End) reach io.KeysDown through
// io.KeyMap, also one transition per frame; text from a hardware keyboard or the system IME reaches
// io.InputQueueCharacters. Both are also collected as TypedInput for the focused kiosk field, which
// does its own editing (the kiosk keeps no text inside ImGui between customers).

#include <deque>
#include <string>
#include <vector>

#include "platform/input.hpp"

struct ImGuiIO;

namespace kiosk::ui {

// What the customer typed on a hardware keyboard or through the IME during one frame.
struct TypedInput {
  std::string text;     // UTF-8, in order (IME compositions arrive whole)
  int backspaces = 0;   // Backspace presses, applied after `text`
  int deletes = 0;      // Delete presses (the kiosk's fields edit at the end, so callers may treat it as
                        // Backspace or ignore it)
  bool enter = false;   // Return or keypad Enter: "done" for a single-line field
  bool tab = false;     // move to the next field
  bool escape = false;  // close the keyboard
  int arrow_x = 0;      // -1 left, +1 right (net of this frame)
  int arrow_y = 0;      // -1 up, +1 down
  bool empty() const {
    return text.empty() && backspaces == 0 && deletes == 0 && !enter && !tab && !escape && arrow_x == 0 &&
           arrow_y == 0;
  }
};

class UiInput {
 public:
  void push(const platform::InputEvent& event);
  bool has_pending() const { return !m_queue.empty() || m_lift_touch; }

  struct Applied {
    bool any = false;           // something reached ImGui this frame
    bool pointer_down = false;  // a finger or button went down: the customer is here
    TypedInput typed;           // keys and text applied this frame, for the focused field
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
