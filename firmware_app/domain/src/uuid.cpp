#include "domain/uuid.hpp"

#include <algorithm>

namespace kiosk::domain {
namespace {

constexpr std::int64_t k_max_unix_ms = (std::int64_t{1} << 48) - 1;
constexpr std::uint16_t k_counter_max = 0x0FFF;
// A new millisecond's counter starts below 2048, which leaves at least 2048 increments before it overflows
// (RFC 9562 section 6.2, counter rollover guard).
constexpr std::uint16_t k_counter_seed_mask = 0x07FF;

constexpr char k_hex_digits[] = "0123456789abcdef";

std::int64_t unix_ms_of(std::chrono::system_clock::time_point now) {
  const auto ms = std::chrono::floor<std::chrono::milliseconds>(now.time_since_epoch()).count();
  return std::clamp<std::int64_t>(ms, 0, k_max_unix_ms);
}

std::uint16_t random_counter_seed(RandomSource& random) {
  return static_cast<std::uint16_t>(random.next_u64() & k_counter_seed_mask);
}

Uuid compose_v7(std::int64_t unix_ms, std::uint16_t counter, std::uint64_t rand_b) {
  Uuid::Bytes bytes{};
  const auto ms = static_cast<std::uint64_t>(unix_ms);
  for (std::size_t i = 0; i < 6; ++i) {
    bytes[i] = static_cast<std::uint8_t>(ms >> (40 - 8 * i));
  }
  bytes[6] = static_cast<std::uint8_t>(0x70U | ((counter >> 8) & 0x0FU));
  bytes[7] = static_cast<std::uint8_t>(counter & 0xFFU);
  for (std::size_t i = 0; i < 8; ++i) {
    bytes[8 + i] = static_cast<std::uint8_t>(rand_b >> (56 - 8 * i));
  }
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3FU) | 0x80U);  // variant 10
  return Uuid(bytes);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

bool is_hyphen_position(std::size_t i) {
  return i == 8 || i == 13 || i == 18 || i == 23;
}

}  // namespace

SystemRandomSource::SystemRandomSource() {
  std::random_device device;
  std::seed_seq seed{device(), device(), device(), device(), device(), device(), device(), device()};
  m_engine.seed(seed);
}

std::uint64_t SystemRandomSource::next_u64() {
  return m_engine();
}

bool Uuid::is_nil() const {
  return std::all_of(m_bytes.begin(), m_bytes.end(), [](std::uint8_t b) { return b == 0; });
}

std::int64_t Uuid::unix_ms() const {
  std::uint64_t ms = 0;
  for (std::size_t i = 0; i < 6; ++i) {
    ms = (ms << 8) | m_bytes[i];
  }
  return static_cast<std::int64_t>(ms);
}

std::string Uuid::to_string() const {
  std::string text;
  text.reserve(36);
  for (std::size_t i = 0; i < m_bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) {
      text.push_back('-');
    }
    text.push_back(k_hex_digits[m_bytes[i] >> 4]);
    text.push_back(k_hex_digits[m_bytes[i] & 0x0FU]);
  }
  return text;
}

std::optional<Uuid> parse_uuid(std::string_view text) {
  if (text.size() != 36) {
    return std::nullopt;
  }
  Uuid::Bytes bytes{};
  std::size_t nibble = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_hyphen_position(i)) {
      if (text[i] != '-') {
        return std::nullopt;
      }
      continue;
    }
    const int value = hex_value(text[i]);
    if (value < 0) {
      return std::nullopt;
    }
    auto& byte = bytes[nibble / 2];
    byte = static_cast<std::uint8_t>(nibble % 2 == 0 ? value << 4 : byte | value);
    ++nibble;
  }
  return Uuid(bytes);
}

Uuid UuidV7Generator::next(std::chrono::system_clock::time_point now) {
  const std::lock_guard lock(m_mutex);
  const std::int64_t ms = unix_ms_of(now);
  if (ms > m_last_ms) {
    m_last_ms = ms;
    m_counter = random_counter_seed(m_random);
  } else if (m_counter < k_counter_max) {
    // Same millisecond, or the clock stepped back: stay on the last timestamp and count up.
    ++m_counter;
  } else {
    // 4096 ids in one millisecond: borrow the next millisecond rather than break the order.
    m_last_ms = std::min(m_last_ms + 1, k_max_unix_ms);
    m_counter = random_counter_seed(m_random);
  }
  return compose_v7(m_last_ms, m_counter, m_random.next_u64());
}

Uuid generate_uuid_v7(std::chrono::system_clock::time_point now, RandomSource& random) {
  const auto counter = static_cast<std::uint16_t>(random.next_u64() & k_counter_max);
  return compose_v7(unix_ms_of(now), counter, random.next_u64());
}

}  // namespace kiosk::domain
