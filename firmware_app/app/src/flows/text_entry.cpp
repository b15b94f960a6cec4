#include "flows/text_entry.hpp"

#include <array>

#include "domain/complaints/contact.hpp"
#include "domain/text/utf8.hpp"

namespace kiosk::app {
namespace {

using Keys = FieldSpec::Keys;

constexpr std::string_view k_survey_comment_prefix = "survey.comment.";

constexpr std::array<FieldSpec, 11> k_fields{{
    {"booking.code", 8, Keys::code},
    {"complaint.description", 4000, Keys::language, true},
    {"complaint.outcome", 1000, Keys::language, true},
    {"complaint.name", 100, Keys::language, false, true},
    {"complaint.phone", 20, Keys::phone, false, true},
    {"complaint.email", 120, Keys::email, false, true},
    {"survey.ticket", 6, Keys::code},
    {"survey.comment", 1000, Keys::language, true},
    {"status.reference", 16, Keys::code},
    {"status.code", 4, Keys::digits},
    {"status.comment", 1000, Keys::language, true},
}};

KeyboardKind keyboard_for(const FieldSpec& spec, const std::string& language) {
  switch (spec.keys) {
    case Keys::digits:
      return KeyboardKind::digits;
    case Keys::phone:
      return KeyboardKind::phone;
    case Keys::email:
      return KeyboardKind::email;
    case Keys::code:
      return KeyboardKind::code;
    case Keys::language:
      break;
  }
  if (language == "ru")
    return KeyboardKind::cyrillic;
  if (language == "nb")
    return KeyboardKind::norwegian;
  return KeyboardKind::latin;
}

// Drops what a field cannot hold: control characters (newlines only where the field is multiline).
std::string clean_typed_text(std::string_view typed, const FieldSpec& spec) {
  std::string cleaned;
  for (const char c : typed) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '\n' && spec.multiline) {
      cleaned.push_back('\n');
    } else if (byte >= 0x20U && byte != 0x7FU) {
      cleaned.push_back(c);
    }
  }
  if (!domain::is_valid_utf8(cleaned)) {
    return {};  // never store broken text a customer cannot see
  }
  if (spec.keys == Keys::code) {
    for (auto& c : cleaned) {
      if (c >= 'a' && c <= 'z')
        c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return cleaned;
}

void append_limited(std::string& text, std::string_view addition, std::size_t max_code_points) {
  const auto used = domain::count_code_points(text);
  if (used >= max_code_points)
    return;
  text += domain::first_code_points(addition, max_code_points - used);
}

std::string masked(const FieldSpec& spec, const std::string& value) {
  if (spec.key == "complaint.phone")
    return domain::complaints::mask_phone(value);
  if (spec.key == "complaint.email")
    return domain::complaints::mask_email(value);
  return domain::complaints::mask_name(value);
}

}  // namespace

const FieldSpec* find_field(std::string_view key) {
  if (key.starts_with(k_survey_comment_prefix))
    key = "survey.comment";
  for (const auto& spec : k_fields) {
    if (spec.key == key)
      return &spec;
  }
  return nullptr;
}

std::string* field_text(CustomerSession& session, std::string_view key) {
  const auto screen = session.screen;
  if (key == "booking.code" && screen == ScreenId::checkin_booking)
    return &session.checkin.booking_code;
  if (screen == ScreenId::complaint_details) {
    if (key == "complaint.description")
      return &session.complaint.description;
    if (key == "complaint.outcome")
      return &session.complaint.desired_outcome;
  }
  if (screen == ScreenId::complaint_contact) {
    if (key == "complaint.name")
      return &session.complaint.name;
    if (key == "complaint.phone")
      return &session.complaint.phone;
    if (key == "complaint.email")
      return &session.complaint.email;
  }
  if (key == "survey.ticket" && screen == ScreenId::survey_ticket)
    return &session.survey.ticket_input;
  if (key.starts_with(k_survey_comment_prefix) && screen == ScreenId::survey_page) {
    const auto name = key.substr(k_survey_comment_prefix.size());
    if (auto found = session.survey.comments.find(name); found != session.survey.comments.end()) {
      return &found->second;
    }
    return nullptr;  // the survey flow creates an entry for each comment question it shows
  }
  if (screen == ScreenId::status_lookup) {
    if (key == "status.reference")
      return &session.status.reference_input;
    if (key == "status.code")
      return &session.status.code_input;
  }
  if (key == "status.comment" && screen == ScreenId::status_result)
    return &session.status.resolution_comment;
  return nullptr;
}

const std::string* field_text(const CustomerSession& session, std::string_view key) {
  return field_text(const_cast<CustomerSession&>(session), key);  // NOLINT: same lookup, read-only use
}

void focus_field(CustomerSession& session, std::string_view key) {
  const auto* spec = find_field(key);
  if (spec == nullptr || field_text(session, key) == nullptr)
    return;
  session.editing.focused = std::string(key);
  session.editing.keyboard = keyboard_for(*spec, session.language);
  session.editing.shifted = false;
  session.editing.keyboard_visible = true;
}

bool apply_text_intent(CustomerSession& session, const Intent& intent) {
  using Kind = Intent::Kind;
  auto& editing = session.editing;
  const auto* spec = find_field(editing.focused);
  auto* text = field_text(session, editing.focused);
  switch (intent.kind) {
    case Kind::type_text:
      if (spec != nullptr && text != nullptr) {
        append_limited(*text, clean_typed_text(intent.argument, *spec), spec->max_code_points);
        editing.shifted = false;
      }
      return true;
    case Kind::backspace:
      if (text != nullptr)
        domain::pop_code_point(*text);
      return true;
    case Kind::keyboard_shift:
      editing.shifted = !editing.shifted;
      return true;
    case Kind::keyboard_next_layout:
      if (editing.keyboard == KeyboardKind::latin && (session.language == "ru")) {
        editing.keyboard = KeyboardKind::cyrillic;
      } else if (editing.keyboard == KeyboardKind::cyrillic) {
        editing.keyboard = KeyboardKind::latin;
      }
      return true;
    case Kind::keyboard_done:
      editing.keyboard_visible = false;
      editing.focused.clear();
      return true;
    default:
      return false;
  }
}

KeyboardVm keyboard_vm(const CustomerSession& session, const i18n::Catalog& catalog) {
  KeyboardVm vm;
  vm.visible = session.editing.keyboard_visible && !session.editing.focused.empty();
  vm.kind = session.editing.keyboard;
  vm.shifted = session.editing.shifted;
  vm.space_label = std::string(catalog.tr("Space"));
  vm.done_label = std::string(catalog.tr("Done"));
  vm.shift_label = std::string(catalog.tr("Shift"));
  vm.backspace_label = std::string(catalog.tr("Delete"));
  if (session.language == "ru" && (vm.kind == KeyboardKind::latin || vm.kind == KeyboardKind::cyrillic)) {
    vm.next_layout_label = vm.kind == KeyboardKind::latin ? "АБВ" : "ABC";
  }
  return vm;
}

TextFieldVm text_field_vm(const CustomerSession& session, std::string_view key, std::string label,
                          std::string placeholder, const i18n::Catalog& catalog) {
  TextFieldVm vm;
  vm.key = std::string(key);
  vm.label = std::move(label);
  vm.placeholder = std::move(placeholder);
  vm.focused = session.editing.focused == key;
  const auto* spec = find_field(key);
  const auto* text = field_text(session, key);
  if (spec == nullptr || text == nullptr)
    return vm;
  vm.multiline = spec->multiline;
  vm.masked = spec->masked_when_left && !vm.focused && !text->empty();
  vm.value = vm.masked ? masked(*spec, *text) : *text;
  if (spec->max_code_points >= 500) {
    vm.counter = i18n::format_named(std::string(catalog.tr("{used} of {max} characters")),
                                    {{"used", std::to_string(domain::count_code_points(*text))},
                                     {"max", std::to_string(spec->max_code_points)}});
  }
  return vm;
}

}  // namespace kiosk::app
