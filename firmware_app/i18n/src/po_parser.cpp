#include "i18n/po_file.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <unordered_map>
#include <utility>

// A line-oriented state machine. Each line is one of: blank, comment, keyword + string, or a string
// that continues the last keyword. The machine tracks which keyword of the current entry came last and
// refuses any order msgfmt would refuse, so an error names the line a translator has to fix. An entry
// is complete only when the next one starts (or the file ends), because msgstr[N] lines and
// continuation strings may follow.
//
// Nothing here recurses and every loop advances by at least one byte, so hostile input costs time
// linear in its size and no stack.

namespace kiosk::i18n {
namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

// Which keyword of the current entry was read last.
enum class Stage { none, msgctxt, msgid, msgid_plural, msgstr };

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string in_quotes(std::string_view text) {
  return "'" + std::string(text) + "'";
}

// At most 40 bytes of `text` for an error message, cut at a character boundary so the message stays
// valid UTF-8 (it may end up in a JSON log line).
std::string_view excerpt(std::string_view text) {
  std::size_t length = std::min<std::size_t>(text.size(), 40);
  while (length < text.size() && length > 0 && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) {
    --length;
  }
  return text.substr(0, length);
}

// Length of the UTF-8 sequence starting at text[pos], or 0 if it is not valid UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    return 1;
  }
  std::size_t length = 0;
  unsigned char min_second = 0x80;
  unsigned char max_second = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    min_second = lead == 0xE0 ? 0xA0 : 0x80;  // no overlong 3-byte forms
    max_second = lead == 0xED ? 0x9F : 0xBF;  // no UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    min_second = lead == 0xF0 ? 0x90 : 0x80;  // no overlong 4-byte forms
    max_second = lead == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (pos + length > text.size() || byte(pos + 1) < min_second || byte(pos + 1) > max_second) {
    return 0;
  }
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) {
      return 0;
    }
  }
  return length;
}

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto length = utf8_sequence_length(text, pos);
    if (length == 0) {
      return pos;
    }
    pos += length;
  }
  return std::string_view::npos;
}

int line_of_offset(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    line += text[i] == '\n' ? 1 : 0;
  }
  return line;
}

bool is_octal(char c) {
  return c >= '0' && c <= '7';
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

char simple_escape(char c) {
  switch (c) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case 'a':
      return '\a';
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'v':
      return '\v';
    case '\\':
    case '"':
    case '\'':
    case '?':
      return c;
    default:
      return 0;
  }
}

// Decodes the C string literals that make up `text` (which begins with '"') and appends their bytes
// to *out. Only blanks may separate and follow them.
class StringLiteralReader {
 public:
  explicit StringLiteralReader(std::string_view text) : m_text(text) {}

  // Reads one or more literals ("a" "b" is "ab", as in C).
  bool read(std::string* out, std::string* error) {
    while (m_pos < m_text.size()) {
      if (m_text[m_pos] != '"') {
        *error = "unexpected text after the closing quote: " + in_quotes(excerpt(m_text.substr(m_pos)));
        return false;
      }
      if (!read_one(out, error)) {
        return false;
      }
      while (m_pos < m_text.size() && is_space(m_text[m_pos])) {
        ++m_pos;
      }
    }
    return true;
  }

 private:
  // Reads the literal at m_pos and leaves m_pos after its closing quote.
  bool read_one(std::string* out, std::string* error) {
    ++m_pos;  // past the opening quote
    while (m_pos < m_text.size() && m_text[m_pos] != '"') {
      if (m_text[m_pos] != '\\') {
        out->push_back(m_text[m_pos++]);
      } else if (!read_escape(out, error)) {
        return false;
      }
    }
    if (m_pos >= m_text.size()) {
      *error = "unterminated string";
      return false;
    }
    ++m_pos;  // past the closing quote
    return true;
  }

  bool read_escape(std::string* out, std::string* error) {
    ++m_pos;  // past the backslash
    if (m_pos >= m_text.size()) {
      *error = "unterminated string";
      return false;
    }
    const char c = m_text[m_pos];
    if (is_octal(c)) {
      return read_octal(out, error);
    }
    if (c == 'x') {
      return read_hex(out, error);
    }
    const char decoded = simple_escape(c);
    if (decoded == 0) {
      *error = "invalid escape sequence " + in_quotes(std::string("\\") + c);
      return false;
    }
    out->push_back(decoded);
    ++m_pos;
    return true;
  }

  bool read_octal(std::string* out, std::string* error) {
    unsigned value = 0;
    for (int digits = 0; digits < 3 && m_pos < m_text.size() && is_octal(m_text[m_pos]); ++digits) {
      value = value * 8 + static_cast<unsigned>(m_text[m_pos++] - '0');
    }
    return push_byte(value, "octal", out, error);
  }

  bool read_hex(std::string* out, std::string* error) {
    ++m_pos;  // past the 'x'
    unsigned value = 0;
    int digits = 0;
    for (; m_pos < m_text.size() && hex_value(m_text[m_pos]) >= 0; ++digits) {
      // Stop growing once out of range; the digit count still tells the error apart.
      value = std::min(value * 16 + static_cast<unsigned>(hex_value(m_text[m_pos++])), 0x1000u);
    }
    if (digits == 0) {
      *error = "invalid escape sequence '\\x' without hex digits";
      return false;
    }
    return push_byte(value, "hex", out, error);
  }

  static bool push_byte(unsigned value, const char* kind, std::string* out, std::string* error) {
    if (value > 0xFF) {
      *error = std::string(kind) + " escape sequence out of range (above 0xFF)";
      return false;
    }
    out->push_back(static_cast<char>(value));
    return true;
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
};

// A keyword line split into its parts: `msgstr[2] "text"` -> name "msgstr", index 2, rest `"text"`.
struct KeywordLine {
  std::string_view name;
  std::optional<std::size_t> index;
  std::string_view rest;
};

bool is_keyword_char(char c) {
  return (c >= 'a' && c <= 'z') || c == '_';
}

// Reads "[N]" at the start of `text` into *index and returns the length read, or 0 if malformed.
std::size_t read_plural_index(std::string_view text, std::size_t* index) {
  const auto close = text.find(']');
  if (close == std::string_view::npos || close < 2) {
    return 0;
  }
  const auto digits = text.substr(1, close - 1);
  const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), *index);
  const bool whole = result.ec == std::errc{} && result.ptr == digits.data() + digits.size();
  return whole ? close + 1 : 0;
}

bool split_keyword_line(std::string_view line, KeywordLine* keyword, std::string* error) {
  std::size_t end = 0;
  while (end < line.size() && is_keyword_char(line[end])) {
    ++end;
  }
  keyword->name = line.substr(0, end);
  line.remove_prefix(end);
  if (keyword->name == "msgstr" && line.starts_with('[')) {
    std::size_t index = 0;
    const auto length = read_plural_index(line, &index);
    if (length == 0) {
      *error = "malformed plural index in " + in_quotes("msgstr" + std::string(excerpt(line)));
      return false;
    }
    keyword->index = index;
    line.remove_prefix(length);
  }
  keyword->rest = trim(line);
  return true;
}

std::vector<std::string> split_flags(std::string_view text) {
  std::vector<std::string> flags;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto flag = trim(text.substr(0, comma));
    if (!flag.empty()) {
      flags.emplace_back(flag);
    }
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
  }
  return flags;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && is_space(text[pos])) {
      ++pos;
    }
    const auto start = pos;
    while (pos < text.size() && !is_space(text[pos])) {
      ++pos;
    }
    if (pos > start) {
      words.emplace_back(text.substr(start, pos - start));
    }
  }
  return words;
}

std::string_view comment_text(std::string_view line, std::size_t marker_length) {
  line.remove_prefix(marker_length);
  return line.starts_with(' ') ? line.substr(1) : line;
}

std::string lowercase_ascii(std::string_view text) {
  std::string lower(text);
  for (auto& c : lower) {
    c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return lower;
}

// The charset named in a Content-Type value ("text/plain; charset=UTF-8" -> "UTF-8"), or empty.
std::string_view charset_of(std::string_view content_type) {
  const auto lower = lowercase_ascii(content_type);
  const auto pos = lower.find("charset=");
  if (pos == std::string::npos) {
    return {};
  }
  auto charset = content_type.substr(pos + 8);
  return trim(charset.substr(0, charset.find(';')));
}

bool is_accepted_charset(std::string_view charset) {
  const auto lower = lowercase_ascii(charset);
  // "CHARSET" is what xgettext writes into a fresh template.
  return lower.empty() || lower == "utf-8" || lower == "utf8" || lower == "charset" || lower == "ascii" ||
         lower == "us-ascii";
}

class PoParser {
 public:
  PoParser(std::string_view text, std::string_view source) : m_text(text), m_source(source) {}

  std::optional<PoFile> run(PoError* error) {
    if (parse_all()) {
      return std::move(m_file);
    }
    if (error != nullptr) {
      *error = PoError{std::string(m_source), m_error_line, m_error};
    }
    return std::nullopt;
  }

 private:
  bool parse_all() {
    if (m_text.starts_with(k_utf8_bom)) {
      m_text.remove_prefix(k_utf8_bom.size());
    }
    if (const auto bad = find_invalid_utf8(m_text); bad != std::string_view::npos) {
      return fail_at(line_of_offset(m_text, bad), "invalid UTF-8 (byte " + hex_byte(m_text[bad]) + ")");
    }
    std::size_t pos = 0;
    while (pos < m_text.size()) {
      const auto newline = m_text.find('\n', pos);
      const auto end = newline == std::string_view::npos ? m_text.size() : newline;
      ++m_line;
      if (!parse_line(trim(m_text.substr(pos, end - pos)))) {
        return false;
      }
      pos = end + 1;
    }
    return close_field() && end_entry();
  }

  static std::string hex_byte(char c) {
    constexpr std::string_view digits = "0123456789ABCDEF";
    const auto value = static_cast<unsigned char>(c);
    return std::string("0x") + digits[value >> 4] + digits[value & 0xF];
  }

  bool fail_at(int line, std::string message) {
    m_error_line = line;
    m_error = std::move(message);
    return false;
  }
  bool fail(std::string message) { return fail_at(m_line, std::move(message)); }

  bool parse_line(std::string_view line) {
    if (line.empty()) {
      return true;
    }
    if (line.front() == '"') {
      return parse_continuation(line);
    }
    if (!close_field()) {
      return false;
    }
    if (line.front() == '#') {
      return parse_comment(line);
    }
    return parse_keyword(line);
  }

  // ---- comments ----

  bool parse_comment(std::string_view line) {
    if (!end_entry()) {
      return false;
    }
    const char kind = line.size() > 1 ? line[1] : ' ';
    switch (kind) {
      case '~':
        // An obsolete entry: the comments collected so far belong to it, not to the next live entry.
        m_entry = PoEntry{};
        return true;
      case '|':
        return true;
      case ',':
        for (auto& flag : split_flags(line.substr(2))) {
          m_entry.flags.push_back(std::move(flag));
        }
        return true;
      case ':':
        for (auto& reference : split_words(line.substr(2))) {
          m_entry.references.push_back(std::move(reference));
        }
        return true;
      case '.':
        m_entry.extracted_comments.emplace_back(comment_text(line, 2));
        return true;
      default:
        m_entry.translator_comments.emplace_back(comment_text(line, 1));
        return true;
    }
  }

  // ---- keywords ----

  bool parse_keyword(std::string_view line) {
    KeywordLine keyword;
    if (!split_keyword_line(line, &keyword, &m_error_scratch)) {
      return fail(m_error_scratch);
    }
    if (keyword.name.empty()) {
      return fail("expected a keyword, a comment or a string, got " + in_quotes(excerpt(line)));
    }
    if (!place_keyword(keyword)) {
      return false;
    }
    return start_string(keyword);
  }

  // Checks that the keyword may come here and points m_field at the string it fills.
  bool place_keyword(const KeywordLine& keyword) {
    if (keyword.name == "msgctxt") {
      return place_msgctxt();
    }
    if (keyword.name == "msgid") {
      return place_msgid();
    }
    if (keyword.name == "msgid_plural") {
      return place_msgid_plural();
    }
    if (keyword.name == "msgstr") {
      return keyword.index ? place_plural_msgstr(*keyword.index) : place_msgstr();
    }
    return fail("unknown keyword " + in_quotes(keyword.name));
  }

  bool place_msgctxt() {
    if (!end_entry()) {
      return false;
    }
    m_stage = Stage::msgctxt;
    m_entry.context.emplace();
    m_field = &*m_entry.context;
    return true;
  }

  bool place_msgid() {
    if (m_stage != Stage::msgctxt && !end_entry()) {
      return false;
    }
    m_stage = Stage::msgid;
    m_entry.line = m_line;
    m_field = &m_entry.msgid;
    return true;
  }

  bool place_msgid_plural() {
    if (m_stage != Stage::msgid) {
      return m_stage == Stage::msgstr ? fail("msgid_plural after msgstr")
                                      : fail("msgid_plural without msgid");
    }
    m_stage = Stage::msgid_plural;
    m_entry.msgid_plural.emplace();
    m_field = &*m_entry.msgid_plural;
    return true;
  }

  bool place_msgstr() {
    if (m_stage == Stage::msgid_plural || (m_stage == Stage::msgstr && m_entry.is_plural())) {
      return fail("an entry with msgid_plural needs msgstr[N], not msgstr");
    }
    if (m_stage == Stage::msgstr) {
      return fail("second msgstr for the msgid on line " + std::to_string(m_entry.line));
    }
    if (m_stage != Stage::msgid) {
      return fail("msgstr without msgid");
    }
    return add_msgstr();
  }

  bool place_plural_msgstr(std::size_t index) {
    const bool plural_open =
        m_stage == Stage::msgid_plural || (m_stage == Stage::msgstr && m_entry.is_plural());
    if (!plural_open) {
      return m_stage == Stage::msgid || m_stage == Stage::msgstr
                 ? fail("msgstr[" + std::to_string(index) + "] in an entry without msgid_plural")
                 : fail("msgstr[" + std::to_string(index) + "] without msgid");
    }
    if (index != m_entry.msgstr.size()) {
      return fail("msgstr[" + std::to_string(index) + "] out of order: expected msgstr[" +
                  std::to_string(m_entry.msgstr.size()) + "]");
    }
    return add_msgstr();
  }

  bool add_msgstr() {
    m_stage = Stage::msgstr;
    m_entry.msgstr.emplace_back();
    m_field = &m_entry.msgstr.back();
    return true;
  }

  // The current entry stopped before its msgstr; name the keyword that is left hanging.
  bool fail_incomplete() {
    const int line = m_stage == Stage::msgctxt ? m_field_line : m_entry.line;
    switch (m_stage) {
      case Stage::msgctxt:
        return fail_at(line, "msgctxt without msgid");
      case Stage::msgid_plural:
        return fail_at(line, "msgid_plural without msgstr[0]");
      default:
        return fail_at(line, "msgid without msgstr");
    }
  }

  // ---- strings ----

  bool start_string(const KeywordLine& keyword) {
    m_field_line = m_line;
    if (keyword.rest.empty()) {
      return fail(std::string(keyword.name) + " without a string");
    }
    if (keyword.rest.front() != '"') {
      return fail("expected a string after " + std::string(keyword.name) + ", got " +
                  in_quotes(excerpt(keyword.rest)));
    }
    return append_string(keyword.rest);
  }

  bool parse_continuation(std::string_view line) {
    if (m_field == nullptr) {
      return fail("string without a keyword");
    }
    return append_string(line);
  }

  bool append_string(std::string_view literal) {
    if (!StringLiteralReader(literal).read(m_field, &m_error_scratch)) {
      return fail(m_error_scratch);
    }
    return true;
  }

  // The string of the last keyword is complete: escapes may have produced bytes that are not UTF-8.
  bool close_field() {
    if (m_field == nullptr) {
      return true;
    }
    const std::string& text = *m_field;
    m_field = nullptr;
    if (find_invalid_utf8(text) != std::string_view::npos) {
      return fail_at(m_field_line, "escape sequences produce invalid UTF-8");
    }
    if (text.find('\0') != std::string::npos) {
      return fail_at(m_field_line, "string contains a NUL character");
    }
    return true;
  }

  // ---- entries ----

  // Something that can only come before or between entries arrived (a comment, msgctxt, msgid after
  // a msgstr, the end of the file): a complete entry is stored, an incomplete one is an error.
  bool end_entry() {
    if (m_stage == Stage::none) {
      return true;
    }
    if (m_stage != Stage::msgstr) {
      return fail_incomplete();
    }
    m_stage = Stage::none;
    PoEntry entry = std::exchange(m_entry, PoEntry{});
    if (entry.msgid.empty()) {
      return store_header(std::move(entry));
    }
    return store_entry(std::move(entry));
  }

  bool store_entry(PoEntry entry) {
    std::string key = entry.context ? "1" + *entry.context : "0";
    key.push_back('\0');  // strings cannot contain NUL, so the key is unambiguous
    key += entry.msgid;
    const auto [it, inserted] = m_first_line.try_emplace(std::move(key), entry.line);
    if (!inserted) {
      return fail_at(entry.line, "duplicate message definition (first defined on line " +
                                     std::to_string(it->second) + ")");
    }
    m_file.entries.push_back(std::move(entry));
    return true;
  }

  bool store_header(PoEntry entry) {
    if (entry.context || entry.is_plural()) {
      return fail_at(entry.line, "empty msgid outside the header entry");
    }
    if (m_file.header_line != 0) {
      return fail_at(entry.line,
                     "duplicate header entry (first on line " + std::to_string(m_file.header_line) + ")");
    }
    m_file.header_line = entry.line;
    m_file.header_fuzzy = entry.is_fuzzy();
    read_header_fields(entry.msgstr.front());
    const auto content_type = m_file.header_field("Content-Type");
    if (content_type && !is_accepted_charset(charset_of(*content_type))) {
      return fail_at(entry.line, "unsupported charset " + in_quotes(charset_of(*content_type)) +
                                     ": catalogs must be UTF-8");
    }
    return true;
  }

  // "Name: value" lines; the first occurrence of a name wins, lines without a colon are ignored.
  void read_header_fields(std::string_view text) {
    while (!text.empty()) {
      const auto newline = text.find('\n');
      const auto line = text.substr(0, newline);
      text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
      const auto colon = line.find(':');
      if (colon != std::string_view::npos && !trim(line.substr(0, colon)).empty()) {
        m_file.header.try_emplace(std::string(trim(line.substr(0, colon))), trim(line.substr(colon + 1)));
      }
    }
  }

  std::string_view m_text;
  std::string_view m_source;
  int m_line = 0;

  PoFile m_file;
  PoEntry m_entry;
  Stage m_stage = Stage::none;
  std::string* m_field = nullptr;                     // the string that continuation lines extend, or null
  int m_field_line = 0;                               // where m_field's keyword was
  std::unordered_map<std::string, int> m_first_line;  // entry key -> line of its msgid

  int m_error_line = 0;
  std::string m_error;
  std::string m_error_scratch;
};

}  // namespace

std::optional<PoFile> parse_po(std::string_view text, std::string_view source_name, PoError* error) {
  return PoParser(text, source_name).run(error);
}

}  // namespace kiosk::i18n
