#pragma once
// Complaint references a customer can read aloud, type back and not get wrong: "KKK-NNNNN-C".
//
//   KKK    the kiosk code: 3 Crockford base32 symbols (0-9 and A-Z without I, L, O, U), configured by head
//          office or derived from the branch and kiosk ids (kiosk_code_for).
//   NNNNN  the kiosk's complaint sequence number in Crockford base32, zero-padded to 5 symbols (32^5 =
//          33,554,432 complaints) and longer beyond that, never with a leading zero then.
//   C      a check symbol: Damm's algorithm over the base32 values of all the K and N symbols, using the
//          quasigroup x * y = 2 * (x XOR y) in GF(32) (polynomial x^5 + x^2 + 1). That operation is a
//          totally anti-symmetric quasigroup with x * x = 0, so every single-symbol substitution and every
//          swap of two adjacent symbols (check symbol and hyphens included) changes the result. The check
//          symbol is itself one of the 32 data symbols, unlike Crockford's mod-37 symbols (* ~ $ = U), so the
//          customer never has to find punctuation on a touch keyboard.
//
// A reference is unique per kiosk forever as long as the sequence is never reused (the store guarantees
// that) and the kiosk code is unique in the fleet (derived codes can collide; see kiosk_code_for).
//
// Lookup codes are 4 random digits printed with the reference; reference plus code lets a customer see the
// status of their complaint at any kiosk. They are compared in constant time.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/uuid.hpp"

namespace kiosk::domain::complaints {

inline constexpr std::size_t k_kiosk_code_length = 3;
inline constexpr std::size_t k_min_sequence_symbols = 5;
inline constexpr std::size_t k_lookup_code_digits = 4;

struct Reference {
  std::string kiosk_code;  // 3 canonical (uppercase) Crockford symbols
  std::uint64_t seq = 0;

  friend bool operator==(const Reference&, const Reference&) = default;
};

// The canonical form of a kiosk code (uppercase, O->0, I/L->1), or nullopt when it is not 3 Crockford
// symbols.
std::optional<std::string> normalize_kiosk_code(std::string_view code);

// "K7M-000A3-Q". nullopt when kiosk_code is not a valid code (normalize_kiosk_code decides).
std::optional<std::string> format_reference(std::string_view kiosk_code, std::uint64_t seq);

// Reads what a customer typed: case-insensitive; spaces and hyphens are ignored wherever they are; O is read
// as 0 and I or L as 1 (as Crockford specifies). nullopt when the length, a symbol, the check symbol or a
// leading zero in a sequence longer than 5 symbols is wrong, or the sequence does not fit 64 bits.
std::optional<Reference> parse_reference(std::string_view text);

// A kiosk code derived deterministically from the ids (FNV-1a 64 of "branch\0kiosk", 15 bits). There are
// only 32,768 codes, so two kiosks can get the same one (about 1% odds in a fleet of 26, 50% at about 213):
// fleets larger than a handful should have head office assign codes and check that they are unique.
std::string kiosk_code_for(std::string_view branch_id, std::string_view kiosk_id);

// The Damm check symbol for a run of Crockford symbols (canonical or not; hyphens and spaces skipped), or
// nullopt when `symbols` holds anything else. Exposed for tests and for head office tools.
std::optional<char> reference_check_symbol(std::string_view symbols);

// The quasigroup operation behind the check symbol, on 5-bit values (exposed so tests can prove its
// properties exhaustively).
std::uint8_t damm_step(std::uint8_t interim, std::uint8_t symbol_value);

// 4 decimal digits, "0000" to "9999", each value equally likely: values of next_u64() at or above the
// largest multiple of 10,000 are rejected and drawn again (no modulo bias). After 64 rejections in a row,
// which a working source never produces, the last draw is used as it is rather than looping forever.
std::string generate_lookup_code(RandomSource& random);

// True when both are the same code. Runs in time that depends only on the lengths, not on where the first
// difference is, so timing does not reveal how many leading digits were right. An empty expected code never
// matches.
bool lookup_code_matches(std::string_view expected, std::string_view given);

}  // namespace kiosk::domain::complaints
