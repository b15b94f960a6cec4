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
    // customer flows
    open_flow,             // argument: "checkin", "complaint", "survey", "status"
    back,                  // one step back in the current flow (home from its first step)
    choose,                // argument: the key of a choice on this screen (service, product, issue)
    answer,                // argument: survey question name; value: the answer value as text
    toggle,                // argument: toggle key ("extra_help", "consent", or "question\x1fchoice")
    focus_field,           // argument: text field key
    type_text,             // argument: UTF-8 text for the focused field (on-screen or hardware keyboard)
    backspace,             // removes the last character of the focused field
    keyboard_shift,        // on-screen keyboard: shift for one letter
    keyboard_next_layout,  // on-screen keyboard: next alphabet
    keyboard_done,         // hides the keyboard
    action,                // argument: the action id of a button ("next", "submit", "look_up", ...)
    finish,                // the customer is done: end the session now
    open_privacy,          // the privacy notice over the current screen
    close_privacy,
  };
  Kind kind = Kind::activity;
  std::string argument;
  std::string value;

  friend bool operator==(const Intent&, const Intent&) = default;
};

class Intents {
 public:
  void emit(Intent::Kind kind, std::string argument = {}, std::string value = {}) {
    m_items.push_back({kind, std::move(argument), std::move(value)});
  }
  const std::vector<Intent>& items() const { return m_items; }
  bool empty() const { return m_items.empty(); }
  void clear() { m_items.clear(); }

 private:
  std::vector<Intent> m_items;
};

}  // namespace kiosk::app
