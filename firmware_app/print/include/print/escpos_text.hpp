#pragma once
// Text mode: the document printed with the printer's resident fonts and code pages. Fast and sharp, but a
// character the code page lacks cannot be printed; then encoding fails and names every such character
// instead of printing '?' (conversion uses iconv without //TRANSLIT and treats any control byte in the
// result as missing too). print_mode.hpp falls back to raster mode for such documents.
//
// Code pages and the ESC t n values used (Epson TM series and most Epson-compatible printers):
//   pc437   ESC t 0   USA, standard Europe
//   cp865   ESC t 5   Nordic (æ ø å)
//   cp866   ESC t 17  Cyrillic #2
//   cp858   ESC t 19  PC858 Euro (PC850 with €)
//   gb18030 ESC t 0 + FS &: Chinese (Kanji) mode as Epson-China and most Chinese printers expect; double
//           byte GB18030 in Chinese mode, ASCII stays single byte; FS . leaves Chinese mode at the end.
//
// Layout: ESC @ first; per text block ESC a (align), ESC E (bold), GS ! (size), then the wrapped lines,
// each ended by LF, then the style reset. A line holds paper_columns / magnification columns (CJK
// characters count 2). QR codes: GS ( k model 2, level M, module size so that the symbol fits the paper.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "print/document.hpp"

namespace kiosk::print {

enum class CodePage { pc437, cp858, cp865, cp866, gb18030 };

std::string_view to_string(CodePage page);  // "CP866"

// ru -> cp866, nb/nn/no/da -> cp865, zh* -> gb18030, everything else (en, ...) -> cp858 (Latin-1 plus €).
// Tags compare case-insensitively on the primary subtag ("zh-Hans", "ru-RU").
CodePage code_page_for_language(std::string_view tag);

struct TextEncodeResult {
  std::vector<std::byte> bytes;      // the job; empty unless ok()
  std::vector<std::string> missing;  // each character (UTF-8) the code page lacks, once, in text order
  std::string error;                 // anything else that stops the job (QR payload too long)

  bool ok() const { return missing.empty() && error.empty(); }
};

TextEncodeResult encode_text_mode(const Document& document, CodePage page, PaperWidth width);

// The characters of the document's text blocks that `page` cannot print (empty: text mode works).
std::vector<std::string> characters_missing_from(const Document& document, CodePage page);

}  // namespace kiosk::print
