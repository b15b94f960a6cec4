#include "print/escpos_text.hpp"

#include <algorithm>
#include <cctype>
#include <variant>

#include "code_page_encoder.hpp"
#include "escpos_commands.hpp"
#include "print/text_layout.hpp"

namespace kiosk::print {
namespace {

std::uint8_t escpos_table(CodePage page) {
  switch (page) {
    case CodePage::pc437:
    case CodePage::gb18030:  // ASCII half of Chinese mode
      return 0;
    case CodePage::cp865:
      return 5;
    case CodePage::cp866:
      return 17;
    case CodePage::cp858:
      return 19;
  }
  return 0;
}

std::string lower_primary_subtag(std::string_view tag) {
  const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
  std::string out(primary);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

void add_missing(std::vector<std::string>& missing, char32_t c) {
  std::string utf8 = encode_utf8(c);
  if (std::find(missing.begin(), missing.end(), utf8) == missing.end())
    missing.push_back(std::move(utf8));
}

class TextModeEncoder {
 public:
  TextModeEncoder(CodePage page, PaperWidth width) : m_page(page), m_width(width), m_encoder(page) {}

  TextEncodeResult run(const Document& document) {
    TextEncodeResult result;
    if (!m_encoder.error().empty()) {
      result.error = m_encoder.error();
      return result;
    }
    m_out.initialize();
    m_out.select_code_page(escpos_table(m_page));
    if (m_page == CodePage::gb18030)
      m_out.chinese_mode(true);
    for (const Block& block : document.blocks()) {
      std::visit([this](const auto& b) { add(b); }, block);
      if (!m_error.empty())
        break;
    }
    if (m_page == CodePage::gb18030)
      m_out.chinese_mode(false);
    result.missing = std::move(m_missing);
    result.error = std::move(m_error);
    if (result.ok())
      result.bytes = m_out.take();
    return result;
  }

 private:
  void add(const TextBlock& block) {
    m_out.align(block.style.align);
    m_out.bold(block.style.bold);
    m_out.character_size(block.style.size);
    const int columns = paper_columns(m_width) / magnification(block.style.size);
    const auto width_of = [](char32_t c) { return display_columns(c); };
    for (const std::u32string& line : wrap_lines(decode_utf8(block.utf8), columns, width_of)) {
      for (const char32_t c : line) {
        if (const auto bytes = m_encoder.encode(c)) {
          m_out.raw(*bytes);
        } else {
          add_missing(m_missing, c);
        }
      }
      m_out.line_feed();
    }
    m_out.character_size(TextSize::normal);
    m_out.bold(false);
    m_out.align(Align::left);
  }

  void add(const QrBlock& block) {
    const detail::QrMatrix matrix = detail::encode_qr(block.payload);
    if (!matrix.error.empty()) {
      m_error = matrix.error;
      return;
    }
    const int module_size = detail::qr_module_size(matrix.modules, m_width);
    if (module_size < 1) {
      m_error = "QR code: the payload is too long for a symbol that fits the paper";
      return;
    }
    m_out.align(Align::center);
    m_out.qr_code(block.payload, module_size);
    m_out.line_feed();
    m_out.align(Align::left);
  }

  void add(const RuleBlock&) {
    m_out.raw(std::string(static_cast<std::size_t>(paper_columns(m_width)), '-'));
    m_out.line_feed();
  }

  void add(const FeedBlock& block) { m_out.feed_lines(block.lines); }

  void add(const CutBlock&) { m_out.cut(); }

  CodePage m_page;
  PaperWidth m_width;
  detail::CodePageEncoder m_encoder;
  detail::EscposWriter m_out;
  std::vector<std::string> m_missing;
  std::string m_error;
};

}  // namespace

std::string_view to_string(CodePage page) {
  switch (page) {
    case CodePage::pc437:
      return "PC437";
    case CodePage::cp858:
      return "CP858";
    case CodePage::cp865:
      return "CP865";
    case CodePage::cp866:
      return "CP866";
    case CodePage::gb18030:
      return "GB18030";
  }
  return "PC437";
}

CodePage code_page_for_language(std::string_view tag) {
  const std::string primary = lower_primary_subtag(tag);
  if (primary == "ru")
    return CodePage::cp866;
  if (primary == "nb" || primary == "nn" || primary == "no" || primary == "da")
    return CodePage::cp865;
  if (primary == "zh")
    return CodePage::gb18030;
  return CodePage::cp858;
}

TextEncodeResult encode_text_mode(const Document& document, CodePage page, PaperWidth width) {
  return TextModeEncoder(page, width).run(document);
}

std::vector<std::string> characters_missing_from(const Document& document, CodePage page) {
  detail::CodePageEncoder encoder(page);
  std::vector<std::string> missing;
  for (const Block& block : document.blocks()) {
    const auto* text = std::get_if<TextBlock>(&block);
    if (text == nullptr)
      continue;
    for (const char32_t c : decode_utf8(text->utf8)) {
      if (c != U'\n' && !encoder.encode(c))
        add_missing(missing, c);
    }
  }
  return missing;
}

}  // namespace kiosk::print
