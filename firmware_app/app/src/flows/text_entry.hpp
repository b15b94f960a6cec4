#pragma once
// Text fields of the customer flows: which fields exist, how long each may be, which keyboard each wants,
// and how typing intents edit the focused one. Every field's text lives in the session.

#include <cstddef>
#include <string>

#include "app/flow_view_models.hpp"
#include "app/intents.hpp"
#include "app/session.hpp"
#include "i18n/catalog.hpp"

namespace kiosk::app {

struct FieldSpec {
  std::string_view key;
  std::size_t max_code_points;
  enum class Keys { language, digits, phone, email, code } keys;
  bool multiline = false;
  bool masked_when_left = false;  // contact details, masked once the customer leaves the field
};

// The spec of a field key, or nullptr for an unknown key (a late tap from another screen).
const FieldSpec* find_field(std::string_view key);

// The text behind a field key; nullptr when the field does not exist on the current screen.
std::string* field_text(CustomerSession& session, std::string_view key);
const std::string* field_text(const CustomerSession& session, std::string_view key);

// Focuses a field and shows the keyboard that suits it and the customer's language.
void focus_field(CustomerSession& session, std::string_view key);

// Applies type_text/backspace/keyboard_* intents to the focused field. Returns true when it handled one.
// Typed text is cut at the field's limit in whole characters; control characters other than a newline in
// a multiline field are dropped (a hardware keyboard can send anything).
bool apply_text_intent(CustomerSession& session, const Intent& intent);

KeyboardVm keyboard_vm(const CustomerSession& session, const i18n::Catalog& catalog);

// A field's view-model: label and placeholder are translated by the caller.
TextFieldVm text_field_vm(const CustomerSession& session, std::string_view key, std::string label,
                          std::string placeholder, const i18n::Catalog& catalog);

}  // namespace kiosk::app
