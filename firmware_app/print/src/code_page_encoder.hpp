#pragma once
// One code point at a time into a printer code page, through glibc iconv (no //TRANSLIT, so nothing is
// ever replaced by '?'). Not thread-safe: one encoder per encoding call.

#include <iconv.h>

#include <optional>
#include <string>
#include <unordered_map>

#include "print/escpos_text.hpp"

namespace kiosk::print::detail {

class CodePageEncoder {
 public:
  explicit CodePageEncoder(CodePage page);
  ~CodePageEncoder();
  CodePageEncoder(const CodePageEncoder&) = delete;
  CodePageEncoder& operator=(const CodePageEncoder&) = delete;

  // Empty when iconv knows the code page; otherwise why not.
  const std::string& error() const { return m_error; }

  // The bytes for `c`, or nullopt when the code page lacks it (or it would encode as a control byte).
  std::optional<std::string> encode(char32_t c);

 private:
  iconv_t m_iconv = reinterpret_cast<iconv_t>(-1);
  std::string m_error;
  std::unordered_map<char32_t, std::optional<std::string>> m_cache;
};

}  // namespace kiosk::print::detail
