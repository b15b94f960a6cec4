#pragma once
// What a customer asked for during one frame. Screens emit intents while drawing; the app applies them
// after the frame, so drawing never changes state halfway through a frame.

#include <string>
#include <vector>

namespace kiosk::app {

struct Intent {
  enum class Kind {
    start_session,          // attract tapped
    open_language_picker,   // "Language" in the bar
    choose_language,        // argument: BCP 47 tag
    close_language_picker,  // "Back" on the picker
    toggle_accessibility,   // larger text, high contrast, doubled time limits
    start_over,             // wipe the session, back to attract
    need_more_time,         // answer to the idle warning
    activity,               // any other touch: restarts the idle countdown
  };
  Kind kind = Kind::activity;
  std::string argument;

  friend bool operator==(const Intent&, const Intent&) = default;
};

class Intents {
 public:
  void emit(Intent::Kind kind, std::string argument = {}) { m_items.push_back({kind, std::move(argument)}); }
  const std::vector<Intent>& items() const { return m_items; }
  bool empty() const { return m_items.empty(); }
  void clear() { m_items.clear(); }

 private:
  std::vector<Intent> m_items;
};

}  // namespace kiosk::app
