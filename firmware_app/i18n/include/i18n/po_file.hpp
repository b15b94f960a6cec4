#pragma once
// A gettext .po (or .pot) file as data: its header fields and its live entries.
//
// Guarantees of parse_po():
// - It never throws (other than std::bad_alloc), never crashes and never recurses, whatever the input.
// - The text must be UTF-8 (a leading byte-order mark is skipped); every decoded string is valid UTF-8
//   without NUL characters. LF and CRLF line ends are both accepted.
// - Obsolete entries (#~ lines, with the comments just above them) and previous-msgid comments (#|) are
//   dropped. The header entry (msgid "" without msgctxt) goes to PoFile::header, not to entries.
// - A singular entry has exactly one msgstr; a plural entry has msgstr[0..k] in order, at least one.
// - No two entries share the same (context, msgid).
// On the first error it stops and reports the 1-based line where the problem shows, e.g.
// "ru.po:12: unterminated string".

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::i18n {

struct PoEntry {
  std::optional<std::string> context;            // msgctxt; nullopt when absent (msgctxt "" is a context)
  std::string msgid;                             // never empty: the empty msgid is the header
  std::optional<std::string> msgid_plural;       // set exactly for plural entries
  std::vector<std::string> msgstr;               // one string, or one per plural form (msgstr[N])
  std::vector<std::string> flags;                // from "#," lines, e.g. "fuzzy", "c-format", "no-c-format"
  std::vector<std::string> references;           // from "#:" lines, e.g. "ui/welcome.cpp:42"
  std::vector<std::string> extracted_comments;   // "#." lines, notes for translators from the source
  std::vector<std::string> translator_comments;  // "# " lines
  int line = 0;                                  // the line of the entry's msgid keyword

  bool is_plural() const { return msgid_plural.has_value(); }
  bool has_flag(std::string_view flag) const;
  bool is_fuzzy() const { return has_flag("fuzzy"); }
  // True when every msgstr (every plural form) is non-empty.
  bool is_translated() const;
};

struct PoFile {
  // Fields of the header entry ("Language" -> "ru"), names as written. Empty when there is no header.
  std::map<std::string, std::string, std::less<>> header;
  int header_line = 0;  // the line of the header's msgid, 0 when there is no header
  bool header_fuzzy = false;
  std::vector<PoEntry> entries;  // in file order

  // The header field's value, or nullopt when absent.
  std::optional<std::string_view> header_field(std::string_view name) const;
};

struct PoError {
  std::string source;  // the name given to the parser (usually the file path)
  int line = 0;        // 1-based; 0 when the problem is not on a line (file cannot be read)
  std::string message;

  // "source:line: message", or "source: message" when line is 0.
  std::string describe() const;
};

// Parses .po text. `source_name` only labels errors. On error returns nullopt and fills *error if given.
std::optional<PoFile> parse_po(std::string_view text, std::string_view source_name, PoError* error);

// Reads and parses a .po file (at most 16 MiB).
std::optional<PoFile> read_po_file(const std::filesystem::path& path, PoError* error);

}  // namespace kiosk::i18n
