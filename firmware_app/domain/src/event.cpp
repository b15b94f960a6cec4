#include "domain/event.hpp"

#include <array>
#include <stdexcept>

namespace kiosk::domain {
namespace {

using std::chrono::days;
using std::chrono::milliseconds;

constexpr std::size_t k_max_event_type_length = 64;

void append_digits(std::string& out, long long value, int width) {
  std::array<char, 8> digits{};
  for (int i = width - 1; i >= 0; --i) {
    digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(digits.data(), static_cast<std::size_t>(width));
}

// Reads the text left to right; every read either consumes what it expects or reports failure.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : m_text(text) {}

  bool at_end() const { return m_pos == m_text.size(); }

  std::optional<int> digits(std::size_t count) {
    if (m_text.size() - m_pos < count) {
      return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const char c = m_text[m_pos + i];
      if (c < '0' || c > '9') {
        return std::nullopt;
      }
      value = value * 10 + (c - '0');
    }
    m_pos += count;
    return value;
  }

  bool literal(char expected) { return literal_any(expected, expected); }

  // Consumes one character if it is `a` or `b`.
  bool literal_any(char a, char b) {
    if (at_end() || (m_text[m_pos] != a && m_text[m_pos] != b)) {
      return false;
    }
    ++m_pos;
    return true;
  }

  char peek() const { return at_end() ? '\0' : m_text[m_pos]; }

 private:
  std::string_view m_text;
  std::size_t m_pos = 0;
};

// The fraction after '.', as milliseconds; extra digits beyond the third are read and dropped.
std::optional<int> fraction_ms(Cursor& cursor) {
  int ms = 0;
  int count = 0;
  while (count < 9) {
    const char c = cursor.peek();
    if (c < '0' || c > '9') {
      break;
    }
    const auto digit = cursor.digits(1);
    if (count < 3) {
      ms = ms * 10 + *digit;
    }
    ++count;
  }
  if (count == 0) {
    return std::nullopt;
  }
  for (int i = count; i < 3; ++i) {
    ms *= 10;
  }
  return ms;
}

// "Z" gives 0, "+HH:MM" / "-HH:MM" gives the offset east of UTC in minutes.
std::optional<int> utc_offset_minutes(Cursor& cursor) {
  if (cursor.literal_any('Z', 'z')) {
    return 0;
  }
  int sign = 0;
  if (cursor.literal('+')) {
    sign = 1;
  } else if (cursor.literal('-')) {
    sign = -1;
  } else {
    return std::nullopt;
  }
  const auto hours = cursor.digits(2);
  if (!hours || !cursor.literal(':')) {
    return std::nullopt;
  }
  const auto minutes = cursor.digits(2);
  if (!minutes || *hours > 23 || *minutes > 59) {
    return std::nullopt;
  }
  return sign * (*hours * 60 + *minutes);
}

bool is_lower_alpha(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::string format_rfc3339_utc(EventTime at) {
  const auto day = std::chrono::floor<days>(at);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{at - day};
  const int year = static_cast<int>(date.year());
  if (year < 0 || year > 9999) {
    throw std::out_of_range("format_rfc3339_utc: year outside 0000-9999");
  }
  std::string text;
  text.reserve(24);
  append_digits(text, year, 4);
  text.push_back('-');
  append_digits(text, static_cast<unsigned>(date.month()), 2);
  text.push_back('-');
  append_digits(text, static_cast<unsigned>(date.day()), 2);
  text.push_back('T');
  append_digits(text, time.hours().count(), 2);
  text.push_back(':');
  append_digits(text, time.minutes().count(), 2);
  text.push_back(':');
  append_digits(text, time.seconds().count(), 2);
  text.push_back('.');
  append_digits(text, time.subseconds().count(), 3);
  text.push_back('Z');
  return text;
}

std::optional<EventTime> parse_rfc3339_utc(std::string_view text) {
  Cursor cursor(text);
  const auto year = cursor.digits(4);
  if (!year || !cursor.literal('-')) {
    return std::nullopt;
  }
  const auto month = cursor.digits(2);
  if (!month || !cursor.literal('-')) {
    return std::nullopt;
  }
  const auto day = cursor.digits(2);
  if (!day || !cursor.literal_any('T', 't')) {
    return std::nullopt;
  }
  const auto hour = cursor.digits(2);
  if (!hour || !cursor.literal(':')) {
    return std::nullopt;
  }
  const auto minute = cursor.digits(2);
  if (!minute || !cursor.literal(':')) {
    return std::nullopt;
  }
  const auto second = cursor.digits(2);
  if (!second) {
    return std::nullopt;
  }
  int ms = 0;
  if (cursor.literal('.')) {
    const auto fraction = fraction_ms(cursor);
    if (!fraction) {
      return std::nullopt;
    }
    ms = *fraction;
  }
  const auto offset = utc_offset_minutes(cursor);
  if (!offset || !cursor.at_end()) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok() || *hour > 23 || *minute > 59 || *second > 59) {
    return std::nullopt;
  }
  const auto local = std::chrono::sys_days{date} + std::chrono::hours{*hour} + std::chrono::minutes{*minute} +
                     std::chrono::seconds{*second} + milliseconds{ms};
  return EventTime{local - std::chrono::minutes{*offset}};
}

bool is_valid_event_type(std::string_view type) {
  if (type.empty() || type.size() > k_max_event_type_length) {
    return false;
  }
  int segments = 0;
  bool at_segment_start = true;
  for (const char c : type) {
    if (at_segment_start) {
      if (!is_lower_alpha(c)) {
        return false;
      }
      at_segment_start = false;
      ++segments;
    } else if (c == '.') {
      at_segment_start = true;
    } else if (!is_lower_alpha(c) && !is_digit(c) && c != '_') {
      return false;
    }
  }
  return !at_segment_start && segments >= 2;
}

}  // namespace kiosk::domain
