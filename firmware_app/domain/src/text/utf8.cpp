#include "domain/text/utf8.hpp"

namespace kiosk::domain {
namespace {

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0U) == 0x80U;
}

// Length of the well-formed sequence starting at `at`, or 0 when it is ill-formed.
std::size_t sequence_length(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = 0;
  unsigned code_point = 0;
  if (lead < 0x80U) return 1;
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2;
    code_point = lead & 0x1FU;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3;
    code_point = lead & 0x0FU;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4;
    code_point = lead & 0x07U;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[at + i]);
    if (!is_continuation(byte)) return 0;
    code_point = (code_point << 6U) | (byte & 0x3FU);
  }
  const bool overlong = (length == 2 && code_point < 0x80U) || (length == 3 && code_point < 0x800U) ||
                        (length == 4 && code_point < 0x10000U);
  const bool surrogate = code_point >= 0xD800U && code_point <= 0xDFFFU;
  if (overlong || surrogate || code_point > 0x10FFFFU) return 0;
  return length;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const auto length = sequence_length(text, at);
    if (length == 0) return false;
    at += length;
  }
  return true;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < text.size(); ++count) {
    const auto length = sequence_length(text, at);
    at += length == 0 ? 1 : length;
  }
  return count;
}

void pop_code_point(std::string& text) {
  if (text.empty()) return;
  std::size_t start = text.size() - 1;
  // Step back over at most three continuation bytes to the lead byte.
  while (start > 0 && text.size() - start < 4 && is_continuation(static_cast<unsigned char>(text[start]))) {
    --start;
  }
  if (sequence_length(text, start) != text.size() - start) {
    start = text.size() - 1;  // ill-formed tail: remove one byte
  }
  text.erase(start);
}

std::string_view first_code_points(std::string_view text, std::size_t max_code_points) {
  std::size_t at = 0;
  for (std::size_t count = 0; at < text.size() && count < max_code_points; ++count) {
    const auto length = sequence_length(text, at);
    at += length == 0 ? 1 : length;
  }
  return text.substr(0, at);
}

}  // namespace kiosk::domain
