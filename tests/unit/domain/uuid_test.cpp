#include "domain/uuid.hpp"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace kiosk::domain {
namespace {

using namespace std::chrono_literals;
using std::chrono::system_clock;

// Deterministic bits: a SplitMix64 sequence from a fixed seed, or one constant when `fixed` is set.
class ScriptedRandom final : public RandomSource {
 public:
  explicit ScriptedRandom(std::uint64_t seed = 1) : m_state(seed) {}
  static ScriptedRandom constant(std::uint64_t value) {
    ScriptedRandom random;
    random.m_fixed = value;
    return random;
  }
  std::uint64_t next_u64() override {
    if (m_fixed) {
      return *m_fixed;
    }
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t m_state;
  std::optional<std::uint64_t> m_fixed;
};

// 2026-11-23T09:15:02.123Z
const system_clock::time_point k_now{1795425302123ms};

bool is_canonical(const std::string& text) {
  if (text.size() != 36) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool hyphen = i == 8 || i == 13 || i == 18 || i == 23;
    const char c = text[i];
    if (hyphen ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

TEST(Uuid, V7CarriesVersionVariantAndMillisecondTimestamp) {
  ScriptedRandom random;
  UuidV7Generator generator(random);
  const Uuid id = generator.next(k_now);
  EXPECT_EQ(id.version(), 7);
  EXPECT_TRUE(id.has_rfc_variant());
  EXPECT_EQ(id.unix_ms(), 1795425302123);
  const std::string text = id.to_string();
  EXPECT_TRUE(is_canonical(text)) << text;
  EXPECT_EQ(text[14], '7');
  EXPECT_NE(std::string("89ab").find(text[19]), std::string::npos) << text;
  // The first 12 hex digits are the timestamp.
  EXPECT_EQ(text.substr(0, 13), "01a207af-f66b");
}

TEST(Uuid, IdsFromOneMillisecondStillSortInCreationOrder) {
  ScriptedRandom random;
  UuidV7Generator generator(random);
  std::vector<Uuid> ids;
  for (int i = 0; i < 5000; ++i) {
    ids.push_back(generator.next(k_now));
  }
  for (std::size_t i = 1; i < ids.size(); ++i) {
    ASSERT_LT(ids[i - 1], ids[i]) << "at " << i;
    ASSERT_LT(ids[i - 1].to_string(), ids[i].to_string()) << "text order differs at " << i;
    ASSERT_EQ(ids[i].version(), 7);
    ASSERT_TRUE(ids[i].has_rfc_variant());
  }
  // 5000 ids cannot fit one millisecond's counter: the timestamp is borrowed from the next milliseconds.
  EXPECT_EQ(ids.front().unix_ms(), 1795425302123);
  EXPECT_GT(ids.back().unix_ms(), 1795425302123);
}

TEST(Uuid, CounterStartsBelowHalfAndOverflowBorrowsTheNextMillisecond) {
  auto random = ScriptedRandom::constant(~std::uint64_t{0});
  UuidV7Generator generator(random);
  const Uuid first = generator.next(k_now);
  // Counter seed is masked to 11 bits: rand_a = 0x7ff.
  EXPECT_EQ(first.bytes()[6], 0x77);
  EXPECT_EQ(first.bytes()[7], 0xff);
  Uuid last = first;
  for (int i = 0; i < 0x800; ++i) {  // counts 0x800 .. 0xfff
    last = generator.next(k_now);
  }
  EXPECT_EQ(last.unix_ms(), first.unix_ms());
  EXPECT_EQ(last.bytes()[6], 0x7f);
  EXPECT_EQ(last.bytes()[7], 0xff);
  const Uuid overflowed = generator.next(k_now);
  EXPECT_EQ(overflowed.unix_ms(), first.unix_ms() + 1);
  EXPECT_LT(last, overflowed);
}

TEST(Uuid, StaysOrderedWhenTheClockStepsBack) {
  ScriptedRandom random;
  UuidV7Generator generator(random);
  const Uuid before = generator.next(k_now);
  const Uuid after_step_back = generator.next(k_now - 2s);
  EXPECT_LT(before, after_step_back);
  EXPECT_EQ(after_step_back.unix_ms(), before.unix_ms());
  const Uuid later = generator.next(k_now + 1s);
  EXPECT_EQ(later.unix_ms(), before.unix_ms() + 1000);
}

TEST(Uuid, NewMillisecondsFollowTheClock) {
  ScriptedRandom random;
  UuidV7Generator generator(random);
  const Uuid a = generator.next(k_now);
  const Uuid b = generator.next(k_now + 1ms);
  EXPECT_EQ(b.unix_ms(), a.unix_ms() + 1);
  EXPECT_LT(a, b);
}

TEST(Uuid, ClampsTimesBeforeTheEpoch) {
  ScriptedRandom random;
  EXPECT_EQ(generate_uuid_v7(system_clock::time_point{-5s}, random).unix_ms(), 0);
}

TEST(Uuid, OneShotIdsAreValidV7AndDistinct) {
  ScriptedRandom random(42);
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const Uuid id = generate_uuid_v7(k_now, random);
    ASSERT_EQ(id.version(), 7);
    ASSERT_TRUE(id.has_rfc_variant());
    ASSERT_EQ(id.unix_ms(), 1795425302123);
    seen.insert(id.to_string());
  }
  EXPECT_EQ(seen.size(), 1000U);
}

TEST(Uuid, SystemRandomSourceGivesDistinctIds) {
  SystemRandomSource random;
  UuidV7Generator generator(random);
  std::set<Uuid> ids;
  for (int i = 0; i < 100; ++i) {
    ids.insert(generator.next(system_clock::now()));
  }
  EXPECT_EQ(ids.size(), 100U);
}

TEST(Uuid, ParseRoundTrips) {
  ScriptedRandom random(7);
  UuidV7Generator generator(random);
  for (int i = 0; i < 100; ++i) {
    const Uuid id = generator.next(k_now + std::chrono::milliseconds{i * 37});
    const auto parsed = parse_uuid(id.to_string());
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, id);
  }
}

TEST(Uuid, ParseAcceptsUppercaseAndPrintsLowercase) {
  const auto parsed = parse_uuid("017F22E2-79B0-7CC3-98C4-DC0C0C07398F");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->to_string(), "017f22e2-79b0-7cc3-98c4-dc0c0c07398f");
  EXPECT_EQ(parsed->version(), 7);
  EXPECT_EQ(parsed->unix_ms(), 0x017F22E279B0);
}

TEST(Uuid, ParseAcceptsOtherVersionsAndNil) {
  const auto v4 = parse_uuid("919108f7-52d1-4320-9bac-f847db4148a8");
  ASSERT_TRUE(v4);
  EXPECT_EQ(v4->version(), 4);
  const auto nil = parse_uuid("00000000-0000-0000-0000-000000000000");
  ASSERT_TRUE(nil);
  EXPECT_TRUE(nil->is_nil());
  EXPECT_EQ(*nil, Uuid{});
}

TEST(Uuid, ParseRejectsMalformedText) {
  const char* const malformed[] = {
      "",
      "017f22e2-79b0-7cc3-98c4-dc0c0c07398",     // one digit short
      "017f22e2-79b0-7cc3-98c4-dc0c0c07398f0",   // one digit long
      "017f22e279b07cc398c4dc0c0c07398f",        // no hyphens
      "017f22e2-79b07-cc3-98c4-dc0c0c07398f",    // hyphen moved
      "017f22e2_79b0_7cc3_98c4_dc0c0c07398f",    // wrong separator
      "017f22e2-79b0-7cc3-98c4-dc0c0c07398g",    // not hex
      "{017f22e2-79b0-7cc3-98c4-dc0c0c07398f}",  // braces
      "urn:uuid:017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
      " 017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
      "017f22e2-79b0-7cc3-98c4-dc0c0c07398f ",
      "017f22e2-79b0-7cc3-98c4 dc0c0c07398f",
      "+17f22e2-79b0-7cc3-98c4-dc0c0c07398f",
      "0x7f22e2-79b0-7cc3-98c4-dc0c0c07398f",
      "------------------------------------",
  };
  for (const char* text : malformed) {
    EXPECT_FALSE(parse_uuid(text)) << '"' << text << '"';
  }
  EXPECT_FALSE(parse_uuid(std::string_view("017f22e2-79b0-7cc3-98c4-dc0c0c07398\0", 36)));
}

}  // namespace
}  // namespace kiosk::domain
