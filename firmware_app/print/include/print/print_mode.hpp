#pragma once
// Chooses how a document becomes printer bytes (the kiosk config's printer.mode):
//   text         the language's code page (code_page_for_language); a character it lacks fails the job
//                with the list of such characters (never a '?' on paper);
//   raster       drawn with the kiosk's fonts;
//   auto_select  text when the code page covers every character of the document, raster otherwise.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "print/document.hpp"
#include "print/escpos_raster.hpp"
#include "print/escpos_text.hpp"

namespace kiosk::print {

enum class PrintMode { text, raster, auto_select };

struct EncodedDocument {
  std::vector<std::byte> bytes;      // empty unless ok()
  PrintMode used = PrintMode::text;  // text or raster: what the bytes are
  std::vector<std::string> missing;  // characters the code page lacks (text mode failed, or auto fell back)
  std::string error;                 // why there are no bytes, for staff; empty on success

  bool ok() const { return error.empty(); }
};

// `fonts` may be null when `mode` is text; raster output without fonts is an error, not a crash.
EncodedDocument encode_document(const Document& document, std::string_view language, PrintMode mode,
                                const RasterFonts* fonts, PaperWidth width);

}  // namespace kiosk::print
