#include <gtest/gtest.h>

#include <string>

#include "i18n/po_file.hpp"

namespace kiosk::i18n {
namespace {

constexpr std::string_view k_header =
    "msgid \"\"\n"
    "msgstr \"\"\n"
    "\"Project-Id-Version: branch-kiosk 0.1.0\\n\"\n"
    "\"Language: ru\\n\"\n"
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
    "n%100>=20) ? 1 : 2);\\n\"\n"
    "\n";

PoFile parse_ok(std::string_view text) {
  PoError error;
  auto file = parse_po(text, "test.po", &error);
  EXPECT_TRUE(file) << error.describe();
  return file ? std::move(*file) : PoFile{};
}

PoError parse_error(std::string_view text) {
  PoError error;
  const auto file = parse_po(text, "bad.po", &error);
  EXPECT_FALSE(file) << "expected a parse error for:\n" << text;
  return error;
}

// Expects a parse error on `line` whose message contains `message_part`.
void expect_error(std::string_view text, int line, std::string_view message_part) {
  const auto error = parse_error(text);
  EXPECT_EQ(error.line, line) << error.describe();
  EXPECT_NE(error.message.find(message_part), std::string::npos) << error.describe();
  EXPECT_EQ(error.source, "bad.po");
}

TEST(PoParser, ReadsHeaderFieldsAndKeepsHeaderOutOfEntries) {
  const auto file = parse_ok(std::string(k_header) + "msgid \"Yes\"\nmsgstr \"Да\"\n");
  EXPECT_EQ(file.header_line, 1);
  EXPECT_EQ(file.header_field("Language"), "ru");
  EXPECT_EQ(file.header_field("Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(file.header_field("Project-Id-Version"), "branch-kiosk 0.1.0");
  EXPECT_TRUE(file.header_field("Plural-Forms")->starts_with("nplurals=3; plural=(n%10==1"));
  EXPECT_FALSE(file.header_field("Missing"));
  ASSERT_EQ(file.entries.size(), 1u);
  EXPECT_EQ(file.entries[0].msgid, "Yes");
  EXPECT_EQ(file.entries[0].msgstr, std::vector<std::string>{"Да"});
  EXPECT_EQ(file.entries[0].line, 8);
}

TEST(PoParser, FileWithoutHeaderHasEmptyHeader) {
  const auto file = parse_ok("msgid \"a\"\nmsgstr \"b\"\n");
  EXPECT_EQ(file.header_line, 0);
  EXPECT_TRUE(file.header.empty());
  EXPECT_EQ(file.entries.size(), 1u);
}

TEST(PoParser, EmptyAndCommentOnlyFilesHaveNoEntries) {
  EXPECT_TRUE(parse_ok("").entries.empty());
  EXPECT_TRUE(parse_ok("\n\n# just a comment\n#, fuzzy\n").entries.empty());
}

TEST(PoParser, ReadsEveryKindOfComment) {
  const auto file = parse_ok(
      "# translator note\n"
      "#\n"
      "#. TRANSLATORS: shown on the welcome screen\n"
      "#: ui/welcome.cpp:42 ui/welcome.cpp:57\n"
      "#: ui/other.cpp:1\n"
      "#, fuzzy, c-format\n"
      "#,no-c-format\n"
      "#| msgid \"Old text\"\n"
      "msgid \"New text\"\n"
      "msgstr \"Nouveau\"\n");
  ASSERT_EQ(file.entries.size(), 1u);
  const auto& entry = file.entries[0];
  EXPECT_EQ(entry.translator_comments, (std::vector<std::string>{"translator note", ""}));
  EXPECT_EQ(entry.extracted_comments, std::vector<std::string>{"TRANSLATORS: shown on the welcome screen"});
  EXPECT_EQ(entry.references,
            (std::vector<std::string>{"ui/welcome.cpp:42", "ui/welcome.cpp:57", "ui/other.cpp:1"}));
  EXPECT_EQ(entry.flags, (std::vector<std::string>{"fuzzy", "c-format", "no-c-format"}));
  EXPECT_TRUE(entry.is_fuzzy());
  EXPECT_TRUE(entry.has_flag("no-c-format"));
  EXPECT_FALSE(entry.has_flag("c"));
  EXPECT_EQ(entry.line, 9);
}

TEST(PoParser, CommentsBelongToTheEntryAfterThem) {
  const auto file = parse_ok(
      "#, fuzzy\n"
      "msgid \"a\"\n"
      "msgstr \"A\"\n"
      "# second\n"
      "msgid \"b\"\n"
      "msgstr \"B\"\n");
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_TRUE(file.entries[0].is_fuzzy());
  EXPECT_TRUE(file.entries[0].translator_comments.empty());
  EXPECT_FALSE(file.entries[1].is_fuzzy());
  EXPECT_EQ(file.entries[1].translator_comments, std::vector<std::string>{"second"});
}

TEST(PoParser, ReadsContexts) {
  const auto file = parse_ok(
      "msgctxt \"button\"\n"
      "msgid \"Back\"\n"
      "msgstr \"Назад\"\n"
      "\n"
      "msgctxt \"\"\n"
      "msgid \"Back\"\n"
      "msgstr \"Обратно\"\n"
      "\n"
      "msgid \"Back\"\n"
      "msgstr \"Вернуться\"\n");
  ASSERT_EQ(file.entries.size(), 3u);
  EXPECT_EQ(file.entries[0].context, "button");
  EXPECT_EQ(file.entries[0].line, 2);
  EXPECT_EQ(file.entries[1].context, "");  // present but empty: a different key from no context
  EXPECT_FALSE(file.entries[2].context);
}

TEST(PoParser, ReadsPluralEntries) {
  const auto file = parse_ok(std::string(k_header) +
                             "msgid \"{count} second\"\n"
                             "msgid_plural \"{count} seconds\"\n"
                             "msgstr[0] \"{count} секунда\"\n"
                             "msgstr[1] \"{count} секунды\"\n"
                             "msgstr[2] \"{count} секунд\"\n");
  ASSERT_EQ(file.entries.size(), 1u);
  const auto& entry = file.entries[0];
  EXPECT_TRUE(entry.is_plural());
  EXPECT_EQ(entry.msgid_plural, "{count} seconds");
  EXPECT_EQ(entry.msgstr, (std::vector<std::string>{"{count} секунда", "{count} секунды", "{count} секунд"}));
  EXPECT_TRUE(entry.is_translated());
}

TEST(PoParser, EmptyFormMeansNotTranslated) {
  const auto file = parse_ok(
      "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"x\"\nmsgstr[1] \"\"\n\n"
      "msgid \"b\"\nmsgstr \"\"\n");
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_FALSE(file.entries[0].is_translated());
  EXPECT_FALSE(file.entries[1].is_translated());
}

TEST(PoParser, ConcatenatesMultiLineStrings) {
  const auto file = parse_ok(
      "msgid \"\"\n"
      "\"Touch the screen \"\n"
      "   \"to start\"\n"
      "msgstr \"Коснитесь \"\n"
      "\"экрана\"\n"
      "\n"
      "msgid \"next\"\n"
      "msgstr \"\" \"joined\"\t\n");
  ASSERT_EQ(file.entries.size(), 2u) << "the first entry's msgid is not empty once concatenated";
  EXPECT_EQ(file.entries[0].msgid, "Touch the screen to start");
  EXPECT_EQ(file.entries[0].msgstr[0], "Коснитесь экрана");
  EXPECT_EQ(file.entries[0].line, 1);
}

TEST(PoParser, DecodesSimpleEscapes) {
  const auto file = parse_ok(R"(msgid "e"
msgstr "n\n t\t q\" b\\ r\r a\a bs\b f\f v\v s\' qm\?"
)");
  EXPECT_EQ(file.entries.at(0).msgstr[0], "n\n t\t q\" b\\ r\r a\a bs\b f\f v\v s' qm?");
}

TEST(PoParser, DecodesOctalAndHexEscapes) {
  const auto file = parse_ok(R"(msgid "e"
msgstr "\101\102C \x41\x4a\x4B \1010 \xe2\x82\xac \342\202\254 \x7"
)");
  EXPECT_EQ(file.entries.at(0).msgstr[0], "ABC AJK A0 € € \x07");
}

TEST(PoParser, KeepsUtf8Content) {
  const auto file = parse_ok("msgid \"Hello\"\nmsgstr \"您好 Økt привет 👋\"\n");
  EXPECT_EQ(file.entries.at(0).msgstr[0], "您好 Økt привет 👋");
}

TEST(PoParser, AcceptsCrlfLineEnds) {
  const auto lf = parse_ok(std::string(k_header) + "# c\nmsgid \"a\"\n\"b\"\nmsgstr \"x\"\n");
  const auto crlf = parse_ok(
      "msgid \"\"\r\nmsgstr \"\"\r\n\"Language: ru\\n\"\r\n\r\n# c\r\nmsgid \"a\"\r\n\"b\"\r\nmsgstr "
      "\"x\"\r\n");
  EXPECT_EQ(crlf.header_field("Language"), "ru");
  ASSERT_EQ(crlf.entries.size(), 1u);
  EXPECT_EQ(crlf.entries[0].msgid, lf.entries.at(0).msgid);
  EXPECT_EQ(crlf.entries[0].msgstr, lf.entries.at(0).msgstr);
  EXPECT_EQ(crlf.entries[0].translator_comments, std::vector<std::string>{"c"});
  EXPECT_EQ(crlf.entries[0].line, 6);
}

TEST(PoParser, SkipsByteOrderMarkAndAcceptsMissingFinalNewline) {
  const auto file = parse_ok("\xEF\xBB\xBFmsgid \"a\"\nmsgstr \"b\"");
  ASSERT_EQ(file.entries.size(), 1u);
  EXPECT_EQ(file.entries[0].msgstr[0], "b");
}

TEST(PoParser, DropsObsoleteEntriesWithTheirComments) {
  const auto file = parse_ok(
      "msgid \"live\"\n"
      "msgstr \"L\"\n"
      "\n"
      "#, fuzzy\n"
      "# old note\n"
      "#~ msgid \"gone\"\n"
      "#~ msgstr \"G\"\n"
      "\n"
      "#~| msgid \"older\"\n"
      "#~ msgctxt \"x\"\n"
      "#~ msgid \"gone too\"\n"
      "#~ msgid_plural \"gones\"\n"
      "#~ msgstr[0] \"\"\n"
      "\n"
      "msgid \"next\"\n"
      "msgstr \"N\"\n");
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.entries[0].msgid, "live");
  EXPECT_EQ(file.entries[1].msgid, "next");
  EXPECT_FALSE(file.entries[1].is_fuzzy()) << "the obsolete entry's flag leaked into the next entry";
  EXPECT_TRUE(file.entries[1].translator_comments.empty());
}

TEST(PoParser, FuzzyHeaderIsStillRead) {
  const auto file = parse_ok("#, fuzzy\nmsgid \"\"\nmsgstr \"Language: nb\\n\"\n");
  EXPECT_TRUE(file.header_fuzzy);
  EXPECT_EQ(file.header_field("Language"), "nb");
}

TEST(PoParser, AcceptsTemplateCharsetPlaceholder) {
  const auto file = parse_ok("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=CHARSET\\n\"\n");
  EXPECT_EQ(file.header_field("Content-Type"), "text/plain; charset=CHARSET");
}

TEST(PoParser, DescribesErrorsAsSourceLineMessage) {
  EXPECT_EQ((PoError{"ru.po", 12, "unterminated string"}.describe()), "ru.po:12: unterminated string");
  EXPECT_EQ((PoError{"ru.po", 0, "cannot read file"}.describe()), "ru.po: cannot read file");
}

TEST(PoParser, ReadFileReportsMissingFile) {
  PoError error;
  EXPECT_FALSE(read_po_file("/nonexistent/dir/ru.po", &error));
  EXPECT_EQ(error.line, 0);
  EXPECT_NE(error.describe().find("/nonexistent/dir/ru.po: cannot read file"), std::string::npos)
      << error.describe();
}

TEST(PoParser, ToleratesNullErrorPointer) {
  EXPECT_FALSE(parse_po("msgid", "x.po", nullptr));
}

// ---- malformed input: every error names the line to fix ----

TEST(PoParserErrors, UnterminatedString) {
  expect_error("msgid \"a\"\nmsgstr \"b\n", 2, "unterminated string");
  expect_error("msgid \"a\"\nmsgstr \"b\"\n\"c\\\"\n", 3, "unterminated string");
  expect_error("msgid \"a\\", 1, "unterminated string");
}

TEST(PoParserErrors, PluralFormsOutOfOrder) {
  const std::string start = "msgid \"a\"\nmsgid_plural \"as\"\n";
  expect_error(start + "msgstr[1] \"x\"\n", 3, "msgstr[1] out of order: expected msgstr[0]");
  expect_error(start + "msgstr[0] \"x\"\nmsgstr[2] \"z\"\n", 4, "msgstr[2] out of order: expected msgstr[1]");
  expect_error(start + "msgstr[0] \"x\"\nmsgstr[0] \"y\"\n", 4, "out of order");
  expect_error(start + "msgstr[x] \"x\"\n", 3, "malformed plural index");
  expect_error(start + "msgstr[0 \"x\"\n", 3, "malformed plural index");
  expect_error(start + "msgstr[99999999999999999999999] \"x\"\n", 3, "malformed plural index");
}

TEST(PoParserErrors, PluralAndSingularForms) {
  expect_error("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"x\"\n", 3, "needs msgstr[N]");
  expect_error("msgid \"a\"\nmsgstr[0] \"x\"\n", 2, "msgstr[0] in an entry without msgid_plural");
  expect_error("msgid \"a\"\nmsgstr \"x\"\nmsgstr \"y\"\n", 3, "second msgstr");
  expect_error("msgid \"a\"\nmsgstr \"x\"\nmsgid_plural \"as\"\n", 3, "msgid_plural after msgstr");
  expect_error("msgid_plural \"as\"\n", 1, "msgid_plural without msgid");
}

TEST(PoParserErrors, KeywordWithoutString) {
  expect_error("msgid\nmsgstr \"x\"\n", 1, "msgid without a string");
  expect_error("msgid \"a\"\nmsgstr   \n", 2, "msgstr without a string");
  expect_error("msgid \"a\"\nmsgstr x\n", 2, "expected a string after msgstr");
  expect_error("msgctxt\n", 1, "msgctxt without a string");
}

TEST(PoParserErrors, EntryWithoutMsgstr) {
  expect_error("msgid \"a\"\n", 1, "msgid without msgstr");
  expect_error("# c\nmsgid \"a\"\n\nmsgid \"b\"\nmsgstr \"\"\n", 2, "msgid without msgstr");
  expect_error("msgid \"a\"\n# comment\nmsgstr \"x\"\n", 1, "msgid without msgstr");
  expect_error("msgid \"a\"\nmsgid_plural \"as\"\n", 1, "msgid_plural without msgstr[0]");
  expect_error("\nmsgctxt \"c\"\nmsgstr \"x\"\n", 3, "msgstr without msgid");
  expect_error("\nmsgctxt \"c\"\n", 2, "msgctxt without msgid");
  expect_error("msgctxt \"c\"\nmsgctxt \"d\"\n", 1, "msgctxt without msgid");
  expect_error("msgstr \"x\"\n", 1, "msgstr without msgid");
}

TEST(PoParserErrors, BadEscapes) {
  expect_error("msgid \"a\"\nmsgstr \"\\q\"\n", 2, "invalid escape sequence '\\q'");
  expect_error("msgid \"a\"\nmsgstr \"\\x\"\n", 2, "without hex digits");
  expect_error("msgid \"a\"\nmsgstr \"\\x100\"\n", 2, "hex escape sequence out of range");
  expect_error("msgid \"a\"\nmsgstr \"\\777\"\n", 2, "octal escape sequence out of range");
  expect_error("msgid \"a\"\nmsgstr \"a\\0b\"\n", 2, "NUL");
}

TEST(PoParserErrors, InvalidUtf8) {
  expect_error("msgid \"a\"\n\nmsgstr \"\xFF\"\n", 3, "invalid UTF-8 (byte 0xFF)");
  expect_error("# comment \xC0\xAF\nmsgid \"a\"\nmsgstr \"\"\n", 1, "invalid UTF-8");  // overlong '/'
  expect_error("msgid \"a\"\nmsgstr \"\xED\xA0\x80\"\n", 2, "invalid UTF-8");          // surrogate
  expect_error("msgid \"a\"\nmsgstr \"\xF4\x90\x80\x80\"\n", 2, "invalid UTF-8");      // > U+10FFFF
  expect_error("msgid \"a\"\nmsgstr \"\xE2\x82\"\n", 2, "invalid UTF-8");              // truncated
  expect_error("msgid \"a\"\nmsgstr \"\xE2\x82", 2, "invalid UTF-8");                  // at the end
  expect_error("msgid \"a\"\nmsgstr \"x\"\n\"\\xC3\"\n\n", 2, "escape sequences produce invalid UTF-8");
}

TEST(PoParserErrors, EscapesJoinedAcrossLinesMayFormUtf8) {
  const auto file = parse_ok("msgid \"a\"\nmsgstr \"\\xC3\"\n\"\\xB8\"\n");
  EXPECT_EQ(file.entries.at(0).msgstr[0], "ø");
}

TEST(PoParserErrors, StrayText) {
  expect_error("msgid \"a\"\nmsgsrt \"x\"\n", 2, "unknown keyword 'msgsrt'");
  expect_error("\"orphan\"\n", 1, "string without a keyword");
  expect_error("msgid \"a\" junk\nmsgstr \"\"\n", 1, "unexpected text after the closing quote");
  expect_error("msgid \"a\"\nmsgstr \"x\"\n42\n", 3, "expected a keyword, a comment or a string");
  expect_error("msgid \"a\"\nmsgstr \"x\"\n\n# c\n\"orphan\"\n", 5, "string without a keyword");
}

TEST(PoParserErrors, QuotedExcerptsStayValidUtf8) {
  std::string cyrillic;
  for (int i = 0; i < 40; ++i) {
    cyrillic += "я";
  }
  for (const auto& text : {"msgid \"a\" x" + cyrillic + "\n", "msgid \"a\"\nmsgstr x" + cyrillic + "\n",
                           "x" + cyrillic + "\n", "msgid \"a\"\nmsgstr[" + cyrillic + "] \"\"\n"}) {
    const auto error = parse_error(text);
    // The parser itself rejects invalid UTF-8, so it can check its own message.
    EXPECT_TRUE(parse_po("# " + error.message + "\n", "message", nullptr)) << error.message;
    EXPECT_LT(error.message.size(), 120u);
  }
}

TEST(PoParserErrors, DuplicateMessages) {
  expect_error("msgid \"a\"\nmsgstr \"x\"\n\nmsgid \"a\"\nmsgstr \"y\"\n", 4, "first defined on line 1");
  expect_error("msgctxt \"c\"\nmsgid \"a\"\nmsgstr \"x\"\nmsgctxt \"c\"\nmsgid \"a\"\nmsgstr \"y\"\n", 5,
               "duplicate message definition");
  expect_error("msgid \"\"\nmsgstr \"\"\n\nmsgid \"\"\nmsgstr \"\"\n", 4, "duplicate header entry");
}

TEST(PoParserErrors, EmptyMsgidOutsideHeader) {
  expect_error("msgctxt \"c\"\nmsgid \"\"\nmsgstr \"x\"\n", 2, "empty msgid outside the header entry");
}

TEST(PoParserErrors, UnsupportedCharset) {
  expect_error("\n\nmsgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n", 3,
               "unsupported charset 'ISO-8859-1'");
}

}  // namespace
}  // namespace kiosk::i18n
