#pragma once
// Event ids are UUID version 7 (RFC 9562): a 48-bit Unix millisecond timestamp followed by random bits, so
// ids sort roughly by creation time and two kiosks never mint the same one. Head office dedupes on them; it
// orders by (kiosk, seq), never by these ids, so device clocks can be wrong without losing anything.

#include <array>
#include <chrono>
#include <compare>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace kiosk::domain {

// Where random bits come from. Production uses SystemRandomSource; tests inject a deterministic one.
// Implementations need not be thread-safe: UuidV7Generator serialises its calls.
class RandomSource {
 public:
  virtual ~RandomSource() = default;
  virtual std::uint64_t next_u64() = 0;
};

// A 64-bit Mersenne Twister seeded once from std::random_device. Ids need to be unique, not secret.
class SystemRandomSource final : public RandomSource {
 public:
  SystemRandomSource();
  std::uint64_t next_u64() override;

 private:
  std::mt19937_64 m_engine;
};

// 16 bytes in network order. Compares bytewise, which for version 7 ids is creation order.
class Uuid {
 public:
  using Bytes = std::array<std::uint8_t, 16>;

  constexpr Uuid() = default;  // the nil UUID
  explicit constexpr Uuid(const Bytes& bytes) : m_bytes(bytes) {}

  const Bytes& bytes() const { return m_bytes; }
  // The version nibble (7 for ids made here); 0 for the nil UUID.
  int version() const { return m_bytes[6] >> 4; }
  // True when the two variant bits are 10 (RFC 9562 UUIDs).
  bool has_rfc_variant() const { return (m_bytes[8] & 0xC0U) == 0x80U; }
  bool is_nil() const;
  // The 48-bit Unix millisecond timestamp of a version 7 id (meaningless for other versions).
  std::int64_t unix_ms() const;
  // Canonical form: 36 characters, lowercase hex, 8-4-4-4-12.
  std::string to_string() const;

  friend auto operator<=>(const Uuid&, const Uuid&) = default;

 private:
  Bytes m_bytes{};
};

// Parses the canonical 8-4-4-4-12 form (hex digits in either case). Anything else - braces, "urn:uuid:",
// missing or misplaced hyphens, surrounding spaces, a wrong length - gives nullopt. Any version is accepted.
std::optional<Uuid> parse_uuid(std::string_view text);

// Makes version 7 ids that are strictly increasing for the life of the generator, even when many are made
// in one millisecond or the clock steps back: RFC 9562 method 1, the 12-bit rand_a field is a counter that
// starts at a random value below 2048 in each new millisecond and counts up within it. If it overflows, or
// the clock goes backwards, the timestamp is carried forward from the last id instead of following the
// clock. The other 62 bits (rand_b) are fresh random bits on every id. Thread-safe.
class UuidV7Generator {
 public:
  explicit UuidV7Generator(RandomSource& random) : m_random(random) {}

  Uuid next(std::chrono::system_clock::time_point now);

 private:
  RandomSource& m_random;
  std::mutex m_mutex;
  std::int64_t m_last_ms = -1;
  std::uint16_t m_counter = 0;
};

// One id with a fresh random counter. Ids from separate calls in the same millisecond are unique but do not
// sort by creation; use a long-lived UuidV7Generator where that matters (the outbox does).
Uuid generate_uuid_v7(std::chrono::system_clock::time_point now, RandomSource& random);

}  // namespace kiosk::domain
