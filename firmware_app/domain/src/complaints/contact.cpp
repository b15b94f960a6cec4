#include "domain/complaints/contact.hpp"

#include <algorithm>

#include "domain/text/utf8.hpp"
#include "draft_checks.hpp"

namespace kiosk::domain::complaints {
namespace {

constexpr std::string_view k_bullet = "\u2022";
constexpr std::string_view k_fully_masked = "\u2022\u2022\u2022";
constexpr std::size_t k_max_phone_text = 64;
constexpr std::size_t k_max_local_part = 64;
constexpr std::size_t k_max_domain_label = 63;
constexpr std::size_t k_max_country_code_digits = 3;
constexpr std::size_t k_visible_phone_digits = 3;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ascii_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_non_ascii(char c) {
  return static_cast<unsigned char>(c) >= 0x80;
}
bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool is_valid_local_part(std::string_view local) {
  if (local.empty() || local.size() > k_max_local_part || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return false;
  }
  constexpr std::string_view k_forbidden = " \"<>(),;:\\[]";
  return std::none_of(local.begin(), local.end(), [&](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F || k_forbidden.find(c) != std::string_view::npos;
  });
}

bool is_valid_domain_label(std::string_view label) {
  if (label.empty() || label.size() > k_max_domain_label || label.front() == '-' || label.back() == '-') {
    return false;
  }
  return std::all_of(label.begin(), label.end(),
                     [](char c) { return is_ascii_alnum(c) || c == '-' || is_non_ascii(c); });
}

bool is_valid_domain(std::string_view domain) {
  std::size_t labels = 0;
  std::string_view last;
  while (true) {
    const auto dot = domain.find('.');
    last = domain.substr(0, dot);
    if (!is_valid_domain_label(last)) {
      return false;
    }
    ++labels;
    if (dot == std::string_view::npos) {
      break;
    }
    domain.remove_prefix(dot + 1);
  }
  // A top-level domain is never a single character or all digits ("kari@10.0.0.1" is not an address a bank
  // would write to).
  const bool numeric_tld = std::all_of(last.begin(), last.end(), is_digit);
  return labels >= 2 && count_code_points(last) >= 2 && !numeric_tld;
}

// Spaces only between groups, one at a time, so the mask does not reveal odd spacing.
std::string collapse_spaces(std::string_view text) {
  std::string result;
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      if (!result.empty() && result.back() != ' ') {
        result.push_back(' ');
      }
    } else {
      result.push_back(c);
    }
  }
  if (!result.empty() && result.back() == ' ') {
    result.pop_back();
  }
  return result;
}

// The number of leading digits that are a country code: "+47 912..." -> 2. Only a '+' followed by 1-3
// digits and a space counts; without the space the code cannot be told from the number.
std::size_t country_code_digits(std::string_view phone) {
  if (phone.empty() || phone.front() != '+') {
    return 0;
  }
  const auto space = phone.find(' ');
  if (space == std::string_view::npos || space < 2 || space - 1 > k_max_country_code_digits) {
    return 0;
  }
  return space - 1;
}

// Contact fields are single lines: no control characters at all.
bool has_control_characters(std::string_view text, bool allow_line_breaks) {
  return std::any_of(text.begin(), text.end(), [&](char c) {
    const auto byte = static_cast<unsigned char>(c);
    if (allow_line_breaks && (c == '\n' || c == '\r' || c == '\t')) {
      return false;
    }
    return byte < 0x20 || byte == 0x7F;
  });
}

}  // namespace

bool ContactDetails::any() const {
  return !is_blank(name) || !is_blank(phone) || !is_blank(email);
}
bool ContactDetails::reachable() const {
  return !is_blank(phone) || !is_blank(email);
}

bool validate_phone(std::string_view phone) {
  if (phone.size() > k_max_phone_text) {
    return false;
  }
  std::size_t digits = 0;
  bool seen_non_space = false;
  for (char c : phone) {
    if (is_digit(c)) {
      ++digits;
    } else if (c == '+') {
      if (seen_non_space) {
        return false;  // '+' only at the start
      }
    } else if (c != ' ') {
      return false;
    }
    seen_non_space = seen_non_space || c != ' ';
  }
  return digits >= k_min_phone_digits && digits <= k_max_phone_digits;
}

bool validate_email(std::string_view email) {
  if (email.size() > k_max_email_bytes || !is_valid_utf8(email)) {
    return false;
  }
  const auto at = email.find('@');
  if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  return is_valid_local_part(email.substr(0, at)) && is_valid_domain(email.substr(at + 1));
}

std::string mask_phone(std::string_view phone) {
  if (!validate_phone(phone)) {
    return std::string(k_fully_masked);
  }
  const std::string tidy = collapse_spaces(phone);
  const std::size_t total_digits =
      static_cast<std::size_t>(std::count_if(tidy.begin(), tidy.end(), [](char c) { return is_digit(c); }));
  const std::size_t kept_leading = country_code_digits(tidy);
  std::string masked;
  std::size_t digit_index = 0;
  for (char c : tidy) {
    if (!is_digit(c)) {
      masked.push_back(c);
      continue;
    }
    const bool visible = digit_index < kept_leading || digit_index + k_visible_phone_digits >= total_digits;
    if (visible) {
      masked.push_back(c);
    } else {
      masked.append(k_bullet);
    }
    ++digit_index;
  }
  return masked;
}

std::string mask_email(std::string_view email) {
  if (!validate_email(email)) {
    return std::string(k_fully_masked);
  }
  const auto at = email.find('@');
  std::string masked(first_code_points(email.substr(0, at), 1));
  masked.append(k_fully_masked);
  masked.append(email.substr(at));
  return masked;
}

std::string mask_name(std::string_view name) {
  const auto start = name.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) {
    return "";
  }
  if (!is_valid_utf8(name)) {
    return std::string(k_fully_masked);
  }
  std::string masked(first_code_points(name.substr(start), 1));
  masked.append(k_fully_masked);
  return masked;
}

namespace detail {

// Shared with draft.cpp: the text checks every free-text field of the form goes through.
void check_text(std::string_view text, DraftField field, bool required, std::size_t max_code_points,
                bool multi_line, std::vector<DraftProblem>& problems) {
  if (is_blank(text)) {
    if (required) {
      problems.push_back({field, DraftProblemCode::missing});
    }
    return;
  }
  if (!is_valid_utf8(text)) {
    problems.push_back({field, DraftProblemCode::invalid_utf8});
    return;
  }
  if (has_control_characters(text, multi_line)) {
    problems.push_back({field, DraftProblemCode::invalid_characters});
  }
  if (count_code_points(text) > max_code_points) {
    problems.push_back({field, DraftProblemCode::too_long});
  }
}

bool is_blank_text(std::string_view text) {
  return is_blank(text);
}

}  // namespace detail

}  // namespace kiosk::domain::complaints
