// Hostile and truncated input must never crash the parser, the plural rule or the catalog: errors are
// fine, undefined behaviour is not (the asan preset runs these under AddressSanitizer and UBSan).
// The random inputs come from a fixed seed and the engine's raw output (std::mt19937's sequence is
// fixed by the standard, distributions are not), so every run and platform tries the same inputs.

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>

#include "i18n/catalog.hpp"
#include "i18n/plural_rule.hpp"
#include "i18n/po_file.hpp"

namespace kiosk::i18n {
namespace {

constexpr std::string_view k_sample_po = R"(# Sample with every construct the parser knows.
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: branch-kiosk 0.1.0\n"
"Language: ru\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
"n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

# translator comment
#. extracted comment
#: ui/welcome.cpp:12
#, c-format, no-wrap
#| msgid "Old"
msgctxt "welcome"
msgid "Touch the screen "
"to start"
msgstr "Коснитесь экрана, \t\"чтобы\" начать\\ \101\x42 \342\202\254"

msgid "Your session ends in {count} second"
msgid_plural "Your session ends in {count} seconds"
msgstr[0] "Ваш сеанс завершится через {count} секунду"
msgstr[1] "Ваш сеанс завершится через {count} секунды"
msgstr[2] "Ваш сеанс завершится через {count} секунд"

#~ msgid "Obsolete"
#~ msgstr "Устарело"
)";

// Parses `text` both as a file and as a catalog, and uses the catalog, so every code path runs.
void exercise(std::string_view text) {
  PoError error;
  const auto file = parse_po(text, "fuzz.po", &error);
  if (!file) {
    EXPECT_GE(error.line, 0);
    EXPECT_FALSE(error.message.empty());
  }
  std::string catalog_error;
  const auto catalog = Catalog::parse_po(text, "fuzz.po", &catalog_error);
  if (catalog) {
    for (const std::uint64_t n :
         std::initializer_list<std::uint64_t>{0ULL, 1ULL, 2ULL, 5ULL, 21ULL, UINT64_MAX}) {
      (void)catalog->tr_n("Your session ends in {count} second", "Your session ends in {count} seconds", n);
    }
    (void)catalog->trc("welcome", "Touch the screen to start");
  }
}

std::string mutate(std::string text, std::mt19937& engine) {
  const auto edits = 1 + engine() % 8;
  for (std::uint32_t i = 0; i < edits; ++i) {
    const auto byte = static_cast<char>(engine() & 0xFF);
    const auto pos = text.empty() ? 0 : engine() % text.size();
    switch (engine() % 4) {
      case 0:
        if (!text.empty()) {
          text[pos] = byte;
        }
        break;
      case 1:
        text.insert(text.begin() + static_cast<std::ptrdiff_t>(pos), byte);
        break;
      case 2:
        if (!text.empty()) {
          text.erase(pos, 1);
        }
        break;
      default: {
        // Characters that matter to the grammar are far likelier to find edge cases than noise.
        constexpr std::string_view k_syntax = "\"\\\n#~|,:.[]0123456789xmsgidtrplural_ctx \r";
        text.insert(text.begin() + static_cast<std::ptrdiff_t>(pos), k_syntax[engine() % k_syntax.size()]);
        break;
      }
    }
  }
  return text;
}

TEST(PoRobustness, SampleParsesCompletely) {
  PoError error;
  const auto file = parse_po(k_sample_po, "sample.po", &error);
  ASSERT_TRUE(file) << error.describe();
  ASSERT_EQ(file->entries.size(), 2u);
  EXPECT_EQ(file->entries[0].msgstr[0], "Коснитесь экрана, \t\"чтобы\" начать\\ AB €");
  EXPECT_TRUE(Catalog::parse_po(k_sample_po, "sample.po", nullptr));
}

TEST(PoRobustness, EveryPrefixOfAValidFile) {
  for (std::size_t length = 0; length <= k_sample_po.size(); ++length) {
    exercise(k_sample_po.substr(0, length));
  }
}

TEST(PoRobustness, RandomByteMutations) {
  std::mt19937 engine(20240611);
  for (int round = 0; round < 3000; ++round) {
    exercise(mutate(std::string(k_sample_po), engine));
  }
}

TEST(PoRobustness, PathologicalInputs) {
  exercise(std::string(1'000'000, '"'));
  exercise(std::string(1'000'000, '\n'));
  exercise(std::string(1'000'000, '#'));
  exercise("msgid \"" + std::string(1'000'000, '\\'));
  exercise("msgid \"a\"\nmsgstr \"" + std::string(500'000, 'x') + "\"\n");
  exercise("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[18446744073709551616] \"\"\n");
  exercise("msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=" + std::string(1'000'000, '(') +
           "\\n\"\n");
  std::string many_forms = "msgid \"a\"\nmsgid_plural \"b\"\n";
  for (int i = 0; i < 10'000; ++i) {
    many_forms += "msgstr[" + std::to_string(i) + "] \"x\"\n";
  }
  exercise(many_forms);
  exercise(std::string_view("\0\0\0msgid \"a\"\n", 13));
}

TEST(PoRobustness, RandomPluralExpressions) {
  constexpr std::array<std::string_view, 24> k_tokens{
      "n", "0", "1", "7",  "100", "(",  ")",  "!",  "*",  "/", "%", "+",
      "-", "<", ">", "<=", ">=",  "==", "!=", "&&", "||", "?", ":", " "};
  std::mt19937 engine(7);
  int accepted = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string expression;
    const auto length = 1 + engine() % 24;
    for (std::uint32_t i = 0; i < length; ++i) {
      expression += k_tokens[engine() % k_tokens.size()];
    }
    const auto rule = PluralRule::parse("nplurals=3; plural=" + expression + ";", nullptr);
    if (rule) {
      ++accepted;
      for (const std::uint64_t n :
           std::initializer_list<std::uint64_t>{0ULL, 1ULL, 2ULL, 11ULL, UINT64_MAX}) {
        EXPECT_LT(rule->form_for(n), 3u) << expression;
      }
    }
  }
  EXPECT_GT(accepted, 0) << "the generator should produce some valid expressions";
}

}  // namespace
}  // namespace kiosk::i18n
