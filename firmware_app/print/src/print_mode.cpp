#include "print/print_mode.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace kiosk::print {
namespace {

EncodedDocument encode_raster(const Document& document, const RasterFonts* fonts, PaperWidth width,
                              std::vector<std::string> missing) {
  EncodedDocument encoded;
  encoded.used = PrintMode::raster;
  encoded.missing = std::move(missing);
  if (fonts == nullptr) {
    encoded.error = "raster printing needs the kiosk fonts, which are not loaded";
    return encoded;
  }
  RasterEncodeResult raster = encode_raster_mode(document, *fonts, width);
  encoded.bytes = std::move(raster.bytes);
  encoded.error = std::move(raster.error);
  return encoded;
}

}  // namespace

EncodedDocument encode_document(const Document& document, std::string_view language, PrintMode mode,
                                const RasterFonts* fonts, PaperWidth width) {
  const CodePage page = code_page_for_language(language);
  if (mode == PrintMode::raster)
    return encode_raster(document, fonts, width, {});

  TextEncodeResult text = encode_text_mode(document, page, width);
  if (mode == PrintMode::auto_select && !text.missing.empty() && text.error.empty()) {
    return encode_raster(document, fonts, width, std::move(text.missing));
  }
  EncodedDocument encoded;
  encoded.used = PrintMode::text;
  encoded.bytes = std::move(text.bytes);
  encoded.missing = std::move(text.missing);
  encoded.error = std::move(text.error);
  if (encoded.error.empty() && !encoded.missing.empty()) {
    encoded.error = fmt::format("code page {} lacks {}; use printer mode raster or auto", to_string(page),
                                fmt::join(encoded.missing, " "));
  }
  return encoded;
}

}  // namespace kiosk::print
