#include "code_page_encoder.hpp"

#include <cerrno>

#include <fmt/format.h>

#include "print/text_layout.hpp"

namespace kiosk::print::detail {
namespace {

const char* iconv_name(CodePage page) {
  switch (page) {
    case CodePage::pc437:
      return "CP437";
    case CodePage::cp858:
      return "CP858";
    case CodePage::cp865:
      return "CP865";
    case CodePage::cp866:
      return "CP866";
    case CodePage::gb18030:
      return "GB18030";
  }
  return "CP437";
}

const iconv_t kInvalid = reinterpret_cast<iconv_t>(-1);

}  // namespace

CodePageEncoder::CodePageEncoder(CodePage page) : m_iconv(::iconv_open(iconv_name(page), "UTF-8")) {
  if (m_iconv == kInvalid) {
    m_error =
        fmt::format("iconv cannot convert UTF-8 to {} (glibc gconv modules missing?)", iconv_name(page));
  }
}

CodePageEncoder::~CodePageEncoder() {
  if (m_iconv != kInvalid)
    ::iconv_close(m_iconv);
}

std::optional<std::string> CodePageEncoder::encode(char32_t c) {
  if (c < 0x80)
    return std::string(1, static_cast<char>(c));  // ASCII is the same in every code page
  if (const auto cached = m_cache.find(c); cached != m_cache.end())
    return cached->second;

  std::optional<std::string> result;
  if (m_iconv != kInvalid && c != 0xFFFD) {
    std::string input = encode_utf8(c);
    char output[16] = {};
    char* in = input.data();
    std::size_t in_left = input.size();
    char* out = output;
    std::size_t out_left = sizeof output;
    ::iconv(m_iconv, nullptr, nullptr, nullptr, nullptr);  // reset shift state
    const std::size_t converted = ::iconv(m_iconv, &in, &in_left, &out, &out_left);
    // A non-zero count means iconv substituted irreversibly: that is a lookalike, not the character.
    if (converted == 0 && in_left == 0) {
      std::string bytes(output, static_cast<std::size_t>(out - output));
      const bool has_control = bytes.find_first_of(std::string_view("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09"
                                                                    "\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13"
                                                                    "\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d"
                                                                    "\x1e\x1f\x7f",
                                                                    33)) != std::string::npos;
      // A non-ASCII character never prints as '?': that is what this encoder exists to prevent.
      if (!bytes.empty() && !has_control && bytes != "?")
        result = std::move(bytes);
    }
  }
  m_cache.emplace(c, result);
  return result;
}

}  // namespace kiosk::print::detail
