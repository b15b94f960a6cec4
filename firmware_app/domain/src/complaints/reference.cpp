#include "domain/complaints/reference.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

#include <fmt/format.h>

namespace kiosk::domain::complaints {
namespace {

constexpr std::string_view k_alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
// Longer than any reference (3 + 13 + 1 symbols plus generous spacing); anything longer is rejected before
// it is looked at symbol by symbol.
constexpr std::size_t k_max_reference_text = 64;
constexpr std::size_t k_max_sequence_symbols = 13;  // 13 * 5 = 65 bits covers every uint64_t

// Crockford's decoding: case-insensitive, O reads as 0, I and L as 1; U is not a symbol.
std::optional<std::uint8_t> symbol_value(char c) {
  if (c >= 'a' && c <= 'z') {
    c = static_cast<char>(c - 'a' + 'A');
  }
  if (c == 'O') {
    return 0;
  }
  if (c == 'I' || c == 'L') {
    return 1;
  }
  const auto position = k_alphabet.find(c);
  if (position == std::string_view::npos) {
    return std::nullopt;
  }
  return static_cast<std::uint8_t>(position);
}

bool is_separator(char c) {
  return c == ' ' || c == '-' || c == '\t';
}

// Multiplication by 2 (the polynomial x) in GF(32) modulo x^5 + x^2 + 1.
std::uint8_t gf32_times_two(std::uint8_t value) {
  const auto shifted = static_cast<std::uint8_t>(value << 1U);
  return static_cast<std::uint8_t>(((value & 0x10U) != 0 ? shifted ^ 0x25U : shifted) & 0x1FU);
}

std::uint8_t damm_over(const std::vector<std::uint8_t>& values) {
  std::uint8_t interim = 0;
  for (std::uint8_t value : values) {
    interim = damm_step(interim, value);
  }
  return interim;
}

std::string encode_sequence(std::uint64_t seq) {
  std::string digits;
  do {
    digits.insert(digits.begin(), k_alphabet[static_cast<std::size_t>(seq & 0x1FU)]);
    seq >>= 5U;
  } while (seq != 0);
  if (digits.size() < k_min_sequence_symbols) {
    digits.insert(0, k_min_sequence_symbols - digits.size(), '0');
  }
  return digits;
}

}  // namespace

std::uint8_t damm_step(std::uint8_t interim, std::uint8_t symbol_value) {
  // x * y = 2 * (x XOR y): zero on the diagonal, a quasigroup, and totally anti-symmetric because 2 is
  // neither 0 nor 1 in GF(32) (see the header).
  return gf32_times_two(static_cast<std::uint8_t>((interim ^ symbol_value) & 0x1FU));
}

std::optional<std::string> normalize_kiosk_code(std::string_view code) {
  if (code.size() != k_kiosk_code_length) {
    return std::nullopt;
  }
  std::string canonical;
  for (char c : code) {
    const auto value = symbol_value(c);
    if (!value) {
      return std::nullopt;
    }
    canonical.push_back(k_alphabet[*value]);
  }
  return canonical;
}

std::optional<char> reference_check_symbol(std::string_view symbols) {
  std::vector<std::uint8_t> values;
  for (char c : symbols) {
    if (is_separator(c)) {
      continue;
    }
    const auto value = symbol_value(c);
    if (!value) {
      return std::nullopt;
    }
    values.push_back(*value);
  }
  // interim * c == 0 exactly when c == interim, so the check symbol is the final interim value itself.
  return k_alphabet[damm_over(values)];
}

std::optional<std::string> format_reference(std::string_view kiosk_code, std::uint64_t seq) {
  const auto code = normalize_kiosk_code(kiosk_code);
  if (!code) {
    return std::nullopt;
  }
  const std::string sequence = encode_sequence(seq);
  const auto check = reference_check_symbol(*code + sequence);
  if (!check) {
    return std::nullopt;
  }
  return fmt::format("{}-{}-{}", *code, sequence, *check);
}

std::optional<Reference> parse_reference(std::string_view text) {
  if (text.size() > k_max_reference_text) {
    return std::nullopt;
  }
  std::vector<std::uint8_t> values;
  for (char c : text) {
    if (is_separator(c)) {
      continue;
    }
    const auto value = symbol_value(c);
    if (!value) {
      return std::nullopt;
    }
    values.push_back(*value);
  }
  const std::size_t sequence_symbols =
      values.size() < k_kiosk_code_length + 1 ? 0 : values.size() - k_kiosk_code_length - 1;
  if (sequence_symbols < k_min_sequence_symbols || sequence_symbols > k_max_sequence_symbols) {
    return std::nullopt;
  }
  // Longer sequences are written without leading zeros, so each number has exactly one spelling.
  if (sequence_symbols > k_min_sequence_symbols && values[k_kiosk_code_length] == 0) {
    return std::nullopt;
  }
  if (damm_over(values) != 0) {
    return std::nullopt;
  }
  Reference reference;
  for (std::size_t i = 0; i < k_kiosk_code_length; ++i) {
    reference.kiosk_code.push_back(k_alphabet[values[i]]);
  }
  std::uint64_t seq = 0;
  for (std::size_t i = k_kiosk_code_length; i < k_kiosk_code_length + sequence_symbols; ++i) {
    if (seq > (std::numeric_limits<std::uint64_t>::max() >> 5U)) {
      return std::nullopt;
    }
    seq = (seq << 5U) | values[i];
  }
  reference.seq = seq;
  return reference;
}

std::string kiosk_code_for(std::string_view branch_id, std::string_view kiosk_id) {
  constexpr std::uint64_t k_fnv_offset = 14695981039346656037ULL;
  constexpr std::uint64_t k_fnv_prime = 1099511628211ULL;
  std::uint64_t hash = k_fnv_offset;
  auto mix = [&](std::string_view bytes) {
    for (char c : bytes) {
      hash ^= static_cast<std::uint8_t>(c);
      hash *= k_fnv_prime;
    }
  };
  mix(branch_id);
  mix(std::string_view("\0", 1));  // so ("ab", "c") and ("a", "bc") differ
  mix(kiosk_id);
  // Fold all 64 bits into 15 so every input byte influences the code.
  const std::uint64_t folded = hash ^ (hash >> 15U) ^ (hash >> 30U) ^ (hash >> 45U) ^ (hash >> 60U);
  std::string code;
  for (int shift = 10; shift >= 0; shift -= 5) {
    code.push_back(k_alphabet[static_cast<std::size_t>((folded >> static_cast<unsigned>(shift)) & 0x1FU)]);
  }
  return code;
}

std::string generate_lookup_code(RandomSource& random) {
  constexpr std::uint64_t k_codes = 10000;
  constexpr std::uint64_t k_max = std::numeric_limits<std::uint64_t>::max();
  // 2^64 mod 10000: the count of values at the top of the range that would make low codes more likely.
  constexpr std::uint64_t k_excess = (k_max % k_codes + 1) % k_codes;
  constexpr std::uint64_t k_last_accepted = k_max - k_excess;
  constexpr int k_max_draws = 64;
  std::uint64_t draw = 0;
  for (int attempt = 0; attempt < k_max_draws; ++attempt) {
    draw = random.next_u64();
    if (draw <= k_last_accepted) {
      break;
    }
  }
  return fmt::format("{:04}", draw % k_codes);
}

bool lookup_code_matches(std::string_view expected, std::string_view given) {
  const std::size_t length = std::max(expected.size(), given.size());
  unsigned difference = expected.size() == given.size() && !expected.empty() ? 0U : 1U;
  for (std::size_t i = 0; i < length; ++i) {
    const auto a = static_cast<unsigned char>(i < expected.size() ? expected[i] : 0);
    const auto b = static_cast<unsigned char>(i < given.size() ? given[i] : 0);
    difference |= static_cast<unsigned>(a ^ b);
  }
  return difference == 0;
}

}  // namespace kiosk::domain::complaints
