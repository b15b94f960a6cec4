#pragma once
// A receipt as a list of blocks (text, QR code, rule, feed, cut), independent of how it reaches paper:
// escpos_text.hpp prints it with the printer's code pages, escpos_raster.hpp draws it with the kiosk's
// own fonts. Text is already translated by the caller; nothing here knows languages.
//
// Guarantees of text(): the stored text is well-formed UTF-8 (ill-formed bytes become U+FFFD), "\r\n" and
// "\r" become "\n", a tab becomes a space, and every other control character (C0, DEL, C1) is dropped, so
// text a customer typed can never inject a printer command.

#include <string>
#include <variant>
#include <vector>

namespace kiosk::print {

enum class TextSize { normal, large, huge };  // 1x, 2x and 3x the printer's font A in width and height
enum class Align { left, center };

struct TextStyle {
  TextSize size = TextSize::normal;
  bool bold = false;
  Align align = Align::left;
};

// 80 mm paper: 576 dots, 48 columns of font A (12x24); 58 mm paper: 384 dots, 32 columns.
enum class PaperWidth { mm80, mm58 };

int paper_columns(PaperWidth width);
int paper_dots(PaperWidth width);
int magnification(TextSize size);

struct TextBlock {
  std::string utf8;  // may hold "\n" for forced line breaks; long lines wrap when encoded
  TextStyle style;
};
struct QrBlock {
  std::string payload;  // printed centred, error correction level M
};
struct RuleBlock {};  // a horizontal line across the paper
struct FeedBlock {
  int lines = 1;  // 0..255
};
struct CutBlock {};  // feed to the cutter and cut (partial cut where the printer has one)

using Block = std::variant<TextBlock, QrBlock, RuleBlock, FeedBlock, CutBlock>;

class Document {
 public:
  Document& text(std::string utf8, TextStyle style = {});
  Document& qr(std::string payload);
  Document& rule();
  Document& feed(int lines = 1);  // clamped to 0..255
  Document& cut();

  const std::vector<Block>& blocks() const { return m_blocks; }

 private:
  std::vector<Block> m_blocks;
};

}  // namespace kiosk::print
