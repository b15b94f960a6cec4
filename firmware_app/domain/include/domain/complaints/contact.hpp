#pragma once
// What a customer types into the complaint form, and the checks it must pass before it is stored. Problems
// are codes (field + what is wrong), never English text: the app turns them into catalog messages in the
// customer's language.
//
// Contact details are optional. Consent is unticked by default; giving any contact detail (a name, phone or
// email) without ticking consent is a problem, and so is ticking consent without a phone or an email (a name
// alone is personal data, but no way to reach anyone).
//
// The masks show just enough for a customer or staff member to recognise the details on a screen or a
// printed acknowledgement without disclosing them to someone looking over a shoulder. They use U+2022 (•).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/complaints/taxonomy.hpp"

namespace kiosk::domain::complaints {

inline constexpr std::size_t k_max_description_code_points = 4000;
inline constexpr std::size_t k_max_desired_outcome_code_points = 1000;
inline constexpr std::size_t k_max_name_length_code_points = 100;
inline constexpr std::size_t k_min_phone_digits = 7;
inline constexpr std::size_t k_max_phone_digits = 15;  // E.164
inline constexpr std::size_t k_max_email_bytes = 254;  // RFC 5321 path limit less the brackets

struct ContactDetails {
  std::string name;
  std::string phone;
  std::string email;

  // True when any field holds more than spaces.
  bool any() const;
  // True when phone or email holds more than spaces (a way to reach the customer).
  bool reachable() const;

  friend bool operator==(const ContactDetails&, const ContactDetails&) = default;
};

// Digits and spaces, optionally one leading '+', with 7 to 15 digits in all ("+47 912 34 567").
bool validate_phone(std::string_view phone);

// Pragmatic, not RFC 5322: one '@'; a local part of 1-64 bytes without spaces, quotes, angle brackets,
// commas, semicolons or a leading, trailing or doubled dot; a domain of at least two dot-separated labels,
// each 1-63 letters, digits or hyphens (not at either end of the label; UTF-8 letters allowed); at most 254
// bytes in all; valid UTF-8.
bool validate_email(std::string_view email);

// "+47 912 34 567" -> "+47 ••• •• 567": the last 3 digits stay, every other digit becomes •, spacing kept;
// a leading country code ("+" and a first group of 1-3 digits followed by a space) stays too. Input that is
// not a valid phone number is masked completely ("•••").
std::string mask_phone(std::string_view phone);
// "kari@example.no" -> "k•••@example.no": the first character of the local part, then always three •
// (the length is not revealed), then the domain. Not a valid email: "•••".
std::string mask_email(std::string_view email);
// "Kari Nordmann" -> "K•••": the first character (a whole code point, after leading spaces), then •••.
// Empty or blank: "".
std::string mask_name(std::string_view name);

struct ComplaintDraft {
  std::string product_id;
  std::string issue_id;
  std::string description;      // 1..4000 characters, newlines kept
  std::string desired_outcome;  // optional, up to 1000 characters
  ContactDetails contact;
  bool consent_given = false;
  bool needs_extra_help = false;

  friend bool operator==(const ComplaintDraft&, const ComplaintDraft&) = default;
};

enum class DraftField { product, issue, description, desired_outcome, name, phone, email, contact, consent };

enum class DraftProblemCode {
  missing,                  // required and empty (or only spaces)
  unknown,                  // product/issue id not in the taxonomy
  too_long,                 // more characters than allowed
  invalid_utf8,             // bytes that are not UTF-8
  invalid_characters,       // control characters other than newline and tab
  invalid_format,           // phone or email that does not validate
  contact_without_consent,  // contact details given, consent not ticked (field: consent)
  consent_without_contact,  // consent ticked, no phone or email (field: contact)
};

struct DraftProblem {
  DraftField field;
  DraftProblemCode code;

  friend bool operator==(const DraftProblem&, const DraftProblem&) = default;
};

// Every problem with the draft, in form order (product, issue, description, desired outcome, name, phone,
// email, then consent/contact). Empty means it may be stored.
std::vector<DraftProblem> validate_draft(const ComplaintDraft& draft, const Taxonomy& taxonomy);

// Stable words for catalog keys and logs: "description", "too_long" ->
// "complaint.problem.description.too_long".
std::string_view to_string(DraftField field);
std::string_view to_string(DraftProblemCode code);

}  // namespace kiosk::domain::complaints
