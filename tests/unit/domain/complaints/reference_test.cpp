#include <array>
#include <cctype>
#include <cstdint>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/complaints/reference.hpp"

namespace kiosk::domain::complaints {
namespace {

constexpr std::string_view k_symbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// Returns the scripted values in order, then repeats the last one.
class ScriptedRandom final : public RandomSource {
 public:
  explicit ScriptedRandom(std::vector<std::uint64_t> values) : m_values(std::move(values)) {}
  std::uint64_t next_u64() override {
    ++m_calls;
    if (m_next < m_values.size()) {
      return m_values[m_next++];
    }
    return m_values.back();
  }
  int calls() const { return m_calls; }

 private:
  std::vector<std::uint64_t> m_values;
  std::size_t m_next = 0;
  int m_calls = 0;
};

class SeededRandom final : public RandomSource {
 public:
  explicit SeededRandom(std::uint64_t seed) : m_engine(seed) {}
  std::uint64_t next_u64() override { return m_engine(); }

 private:
  std::mt19937_64 m_engine;
};

std::string without_hyphens(const std::string& reference) {
  std::string compact;
  for (char c : reference) {
    if (c != '-') {
      compact.push_back(c);
    }
  }
  return compact;
}

TEST(Reference, FormatsKioskCodeSequenceAndCheck) {
  const auto reference = format_reference("K7M", 0);
  ASSERT_TRUE(reference);
  ASSERT_EQ(reference->size(), 11U);
  EXPECT_EQ(reference->substr(0, 10), "K7M-00000-");
  EXPECT_EQ((*reference)[10], *reference_check_symbol("K7M00000"));
  EXPECT_EQ(format_reference("K7M", 1)->substr(0, 10), "K7M-00001-");
  EXPECT_EQ(format_reference("K7M", 32)->substr(0, 10), "K7M-00010-");
  EXPECT_EQ(format_reference("K7M", 33'554'431)->substr(0, 10), "K7M-ZZZZZ-");  // 32^5 - 1
  EXPECT_EQ(format_reference("K7M", 33'554'432)->substr(0, 11), "K7M-100000-");
  EXPECT_EQ(format_reference("K7M", std::numeric_limits<std::uint64_t>::max())->substr(0, 18),
            "K7M-FZZZZZZZZZZZZ-");
}

TEST(Reference, CheckSymbolIsAlwaysAnOrdinarySymbol) {
  for (std::uint64_t seq = 0; seq < 2000; ++seq) {
    const auto reference = format_reference("ABC", seq);
    ASSERT_TRUE(reference);
    EXPECT_NE(k_symbols.find(reference->back()), std::string_view::npos) << *reference;
  }
}

TEST(Reference, FormatNormalizesOrRejectsTheKioskCode) {
  EXPECT_EQ(format_reference("k7m", 5), format_reference("K7M", 5));
  EXPECT_EQ(format_reference("OIL", 5), format_reference("011", 5));
  EXPECT_FALSE(format_reference("K7", 5));
  EXPECT_FALSE(format_reference("K7MM", 5));
  EXPECT_FALSE(format_reference("K7U", 5));  // U is not a Crockford symbol
  EXPECT_FALSE(format_reference("K-M", 5));
  EXPECT_EQ(normalize_kiosk_code("abz"), "ABZ");
  EXPECT_FALSE(normalize_kiosk_code(""));
}

TEST(Reference, RoundTrips) {
  const std::vector<std::uint64_t> sequences = {
      0, 1, 31, 32, 1023, 33'554'431, 33'554'432, 1ULL << 40, std::numeric_limits<std::uint64_t>::max()};
  for (const std::string code : {"000", "K7M", "ZZZ", "A1B"}) {
    for (std::uint64_t seq : sequences) {
      const auto text = format_reference(code, seq);
      ASSERT_TRUE(text);
      const auto parsed = parse_reference(*text);
      ASSERT_TRUE(parsed) << *text;
      EXPECT_EQ(parsed->kiosk_code, code);
      EXPECT_EQ(parsed->seq, seq);
    }
  }
}

TEST(Reference, ParsingIsTolerantTheWayCrockfordSays) {
  const std::string text = *format_reference("K1M", 1040);  // 1040 = 1*32^2 + 16
  ASSERT_EQ(text.substr(0, 10), "K1M-0010G-");
  const Reference expected{"K1M", 1040};
  std::string lower = text;
  for (char& c : lower) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  EXPECT_EQ(parse_reference(lower), expected);
  EXPECT_EQ(parse_reference(without_hyphens(text)), expected);
  EXPECT_EQ(parse_reference(" K1M 0010G " + text.substr(10) + " "), expected);
  std::string confusable = text;
  confusable[1] = 'l';  // 1 written as l
  confusable[4] = 'O';  // 0 written as O
  confusable[5] = 'o';
  confusable[6] = 'L';  // 1 written as L
  EXPECT_EQ(parse_reference(confusable), expected);
  confusable[1] = 'I';
  EXPECT_EQ(parse_reference(confusable), expected);
}

TEST(Reference, ParsingRejectsWhatIsNotAReference) {
  const std::string text = *format_reference("K7M", 77);
  EXPECT_FALSE(parse_reference(""));
  EXPECT_FALSE(parse_reference("K7M-0002-"));         // too short
  EXPECT_FALSE(parse_reference(text.substr(0, 10)));  // no check symbol
  EXPECT_FALSE(parse_reference(text + "0"));          // extra symbol
  EXPECT_FALSE(parse_reference("K7M-0002U-" + text.substr(10)));
  EXPECT_FALSE(parse_reference("K7M-000*2-" + text.substr(10)));
  EXPECT_FALSE(parse_reference(std::string(100, ' ') + text));
  // A longer-than-five sequence may not start with 0 (each number has one spelling).
  const std::string long_seq = *format_reference("K7M", 33'554'432);  // "K7M-100000-?"
  const auto check = reference_check_symbol("K7M0100000");
  ASSERT_TRUE(check);
  EXPECT_FALSE(parse_reference(std::string("K7M-0100000-") + *check));
  EXPECT_TRUE(parse_reference(long_seq));
  // 14 sequence symbols overflow 64 bits.
  const auto overflow_check = reference_check_symbol("K7M" + std::string("10000000000000"));
  EXPECT_FALSE(parse_reference("K7M10000000000000" + std::string(1, *overflow_check)));
  const auto barely = reference_check_symbol("K7M" + std::string("G000000000000"));  // 2^64 exactly
  EXPECT_FALSE(parse_reference("K7MG000000000000" + std::string(1, *barely)));
}

// The proof that the check catches every single substitution and every adjacent transposition, for
// references of any length: the four properties below, checked over all 32^3 cases, are exactly what
// Damm's argument needs.
TEST(ReferenceCheck, TheQuasigroupHasTheDetectionProperties) {
  for (std::uint8_t c = 0; c < 32; ++c) {
    EXPECT_EQ(damm_step(c, c), 0) << "diagonal at " << int{c};  // so the check symbol is the final interim
    for (std::uint8_t x = 0; x < 32; ++x) {
      EXPECT_LT(damm_step(c, x), 32);
      for (std::uint8_t y = 0; y < 32; ++y) {
        if (x == y) {
          continue;
        }
        // Rows and columns are permutations: one changed symbol changes the interim value, and every later
        // step carries the difference through to the end.
        ASSERT_NE(damm_step(c, x), damm_step(c, y)) << int{c} << " " << int{x} << " " << int{y};
        ASSERT_NE(damm_step(x, c), damm_step(y, c)) << int{c} << " " << int{x} << " " << int{y};
        // Total anti-symmetry: swapping two different adjacent symbols changes the interim value.
        ASSERT_NE(damm_step(damm_step(c, x), y), damm_step(damm_step(c, y), x))
            << int{c} << " " << int{x} << " " << int{y};
      }
    }
  }
}

TEST(ReferenceCheck, EverySingleSubstitutionIsDetected) {
  for (std::uint64_t seq : {0ULL, 1ULL, 12345ULL, 33'554'431ULL, 987'654'321'012ULL}) {
    const std::string compact = without_hyphens(*format_reference("K7M", seq));
    for (std::size_t position = 0; position < compact.size(); ++position) {
      for (char replacement : k_symbols) {
        if (replacement == compact[position]) {
          continue;
        }
        std::string typo = compact;
        typo[position] = replacement;
        EXPECT_FALSE(parse_reference(typo)) << compact << " -> " << typo;
      }
    }
  }
}

TEST(ReferenceCheck, EveryAdjacentTranspositionIsDetected) {
  SeededRandom random(7);
  for (int round = 0; round < 300; ++round) {
    const std::string code{k_symbols[random.next_u64() % 32], k_symbols[random.next_u64() % 32],
                           k_symbols[random.next_u64() % 32]};
    const std::uint64_t seq = random.next_u64() >> (random.next_u64() % 64);
    const std::string compact = without_hyphens(*format_reference(code, seq));
    for (std::size_t position = 0; position + 1 < compact.size(); ++position) {
      if (compact[position] == compact[position + 1]) {
        continue;
      }
      std::string swapped = compact;
      std::swap(swapped[position], swapped[position + 1]);
      EXPECT_FALSE(parse_reference(swapped)) << compact << " -> " << swapped;
    }
  }
}

TEST(KioskCode, IsDeterministicValidAndSpread) {
  EXPECT_EQ(kiosk_code_for("oslo-sentrum", "kiosk-1"), kiosk_code_for("oslo-sentrum", "kiosk-1"));
  EXPECT_NE(kiosk_code_for("oslo-sentrum", "kiosk-1"), kiosk_code_for("oslo-sentrum", "kiosk-2"));
  EXPECT_NE(kiosk_code_for("ab", "c"), kiosk_code_for("a", "bc"));
  std::set<std::string> codes;
  for (int branch = 0; branch < 100; ++branch) {
    for (int kiosk = 0; kiosk < 20; ++kiosk) {
      const std::string code =
          kiosk_code_for("branch-" + std::to_string(branch), "kiosk-" + std::to_string(kiosk));
      ASSERT_EQ(normalize_kiosk_code(code), code);
      codes.insert(code);
    }
  }
  // 2,000 random draws from 32,768 codes give about 1,940 distinct ones; a weak hash gives far fewer.
  EXPECT_GT(codes.size(), 1850U);
}

TEST(LookupCode, IsFourDigitsWithoutModuloBias) {
  constexpr std::uint64_t k_max = std::numeric_limits<std::uint64_t>::max();
  // 2^64 mod 10000 = 1616: the top 1616 values are rejected and drawn again.
  ScriptedRandom rejected_then_fine({k_max, k_max - 1615, 12345});
  EXPECT_EQ(generate_lookup_code(rejected_then_fine), "2345");
  EXPECT_EQ(rejected_then_fine.calls(), 3);
  ScriptedRandom last_accepted({k_max - 1616});
  EXPECT_EQ(generate_lookup_code(last_accepted), "9999");
  EXPECT_EQ(last_accepted.calls(), 1);
  ScriptedRandom zero({0});
  EXPECT_EQ(generate_lookup_code(zero), "0000");
}

TEST(LookupCode, ABrokenSourceCannotHangIt) {
  ScriptedRandom stuck({std::numeric_limits<std::uint64_t>::max()});
  const std::string code = generate_lookup_code(stuck);
  EXPECT_EQ(code.size(), 4U);
  EXPECT_EQ(stuck.calls(), 64);
}

TEST(LookupCode, EveryDigitIsUsedInEveryPosition) {
  SeededRandom random(42);
  std::array<std::array<int, 10>, 4> counts{};
  constexpr int k_draws = 20000;
  for (int i = 0; i < k_draws; ++i) {
    const std::string code = generate_lookup_code(random);
    ASSERT_EQ(code.size(), 4U);
    for (std::size_t position = 0; position < 4; ++position) {
      ASSERT_TRUE(code[position] >= '0' && code[position] <= '9') << code;
      ++counts[position][static_cast<std::size_t>(code[position] - '0')];
    }
  }
  for (const auto& position : counts) {
    for (int count : position) {
      // Expected 2,000 each; a fixed seed makes this deterministic, the bound only catches gross bias.
      EXPECT_GT(count, 1700);
      EXPECT_LT(count, 2300);
    }
  }
}

TEST(LookupCode, MatchesOnlyTheSameCode) {
  EXPECT_TRUE(lookup_code_matches("0427", "0427"));
  EXPECT_FALSE(lookup_code_matches("0427", "0428"));
  EXPECT_FALSE(lookup_code_matches("0427", "1427"));
  EXPECT_FALSE(lookup_code_matches("0427", "042"));
  EXPECT_FALSE(lookup_code_matches("0427", "04270"));
  EXPECT_FALSE(lookup_code_matches("0427", ""));
  EXPECT_FALSE(lookup_code_matches("", ""));
}

}  // namespace
}  // namespace kiosk::domain::complaints
