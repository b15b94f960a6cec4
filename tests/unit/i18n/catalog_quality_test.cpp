// The shipped catalogs, checked the way CI must check them (STYLE.md 6): every message of the template
// translated in every language, nothing fuzzy, nothing unused, placeholders intact, headers right for
// the language, and the real gettext tools (msgfmt, i18nspector, xgettext) satisfied.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "domain/language.hpp"
#include "i18n/catalog.hpp"
#include "i18n/placeholders.hpp"
#include "i18n/plural_rule.hpp"
#include "i18n/po_file.hpp"

namespace kiosk::i18n {
namespace {

namespace fs = std::filesystem;

fs::path i18n_dir() {
  return fs::path(KIOSK_ASSETS_DIR) / "i18n";
}
fs::path template_path() {
  return i18n_dir() / "branch-kiosk.pot";
}

struct LanguageExpectation {
  std::string_view tag;              // BCP 47; the catalog is <tag>.po
  std::string_view language_header;  // gettext's name, see Catalog::language()
  std::string_view plural_forms;
};

// gtest prints the parameter of a failing test with this instead of a byte dump.
// NOLINTNEXTLINE(readability-identifier-naming): gtest looks the function up by this name
void PrintTo(const LanguageExpectation& language, std::ostream* out) {
  *out << language.tag;
}

constexpr std::string_view k_two_forms = "nplurals=2; plural=(n != 1);";
constexpr std::array<LanguageExpectation, 4> k_languages{{
    {"en", "en", k_two_forms},
    {"ru", "ru",
     "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : "
     "2);"},
    {"zh-Hans", "zh_CN", "nplurals=1; plural=0;"},
    {"nb", "nb", k_two_forms},
}};

// ---- helpers ----

// (msgctxt, msgid, msgid_plural): what identifies a message to xgettext and msgmerge.
using MessageKey = std::tuple<std::optional<std::string>, std::string, std::optional<std::string>>;

MessageKey key_of(const PoEntry& entry) {
  return {entry.context, entry.msgid, entry.msgid_plural};
}

std::string describe(const MessageKey& key) {
  std::string text;
  if (std::get<0>(key)) {
    text += "msgctxt \"" + *std::get<0>(key) + "\" ";
  }
  text += "msgid \"" + std::get<1>(key) + "\"";
  if (std::get<2>(key)) {
    text += " msgid_plural \"" + *std::get<2>(key) + "\"";
  }
  return text;
}

std::set<MessageKey> keys_of(const PoFile& file) {
  std::set<MessageKey> keys;
  for (const auto& entry : file.entries) {
    keys.insert(key_of(entry));
  }
  return keys;
}

// Lines of "  <key>" for every key in `a` that `b` lacks.
std::string list_difference(const std::set<MessageKey>& a, const std::set<MessageKey>& b) {
  std::string lines;
  for (const auto& key : a) {
    if (!b.contains(key)) {
      lines += "  " + describe(key) + "\n";
    }
  }
  return lines;
}

std::string without_spaces(std::string_view text) {
  std::string out;
  std::copy_if(text.begin(), text.end(), std::back_inserter(out),
               [](char c) { return c != ' ' && c != '\t'; });
  while (!out.empty() && out.back() == ';') {
    out.pop_back();
  }
  return out;
}

std::optional<PoFile> read_catalog(const fs::path& path) {
  PoError error;
  auto file = read_po_file(path, &error);
  if (!file) {
    ADD_FAILURE() << error.describe();
  }
  return file;
}

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

std::string shell_quote(std::string_view text) {
  std::string quoted = "'";
  for (const char c : text) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) {
    result.output = "popen failed for: " + command;
    return result;
  }
  std::array<char, 4096> buffer{};
  std::size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.output.append(buffer.data(), read);
  }
  const int status = pclose(pipe);
  result.exit_code = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

bool on_path(std::string_view program) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const auto candidate = fs::path(dir.empty() ? "." : dir) / program;
    if (::access(candidate.c_str(), X_OK) == 0) {
      return true;
    }
  }
  return false;
}

// Why a test needing `program` has to be skipped, or nullopt when the program is installed.
std::optional<std::string> missing_tool(std::string_view program) {
  if (on_path(program)) {
    return std::nullopt;
  }
  return std::string(program) +
         " is not installed (Debian packages gettext and i18nspector; scripts/setup.sh " +
         "installs them), so this check cannot run";
}

std::vector<fs::path> sources_with_messages() {
  std::vector<fs::path> sources;
  for (const auto* dir : {"firmware_app/app", "ui"}) {
    const auto root = fs::path(KIOSK_SOURCE_DIR) / dir;
    if (!fs::is_directory(root)) {
      continue;
    }
    for (const auto& item : fs::recursive_directory_iterator(root)) {
      const auto extension = item.path().extension();
      if (item.is_regular_file() && (extension == ".cpp" || extension == ".hpp")) {
        sources.push_back(item.path());
      }
    }
  }
  std::sort(sources.begin(), sources.end());
  return sources;
}

// ---- every language ----

class CatalogQuality : public ::testing::TestWithParam<LanguageExpectation> {
 protected:
  void SetUp() override {
    m_path = i18n_dir() / (std::string(GetParam().tag) + ".po");
    auto po = read_catalog(m_path);
    auto pot = read_catalog(template_path());
    ASSERT_TRUE(po && pot);
    m_po = std::move(*po);
    m_template = std::move(*pot);
  }

  const PoEntry* find(const MessageKey& key) const {
    const auto it = std::find_if(m_po.entries.begin(), m_po.entries.end(),
                                 [&key](const PoEntry& entry) { return key_of(entry) == key; });
    return it == m_po.entries.end() ? nullptr : &*it;
  }

  std::size_t form_count() const {
    const auto rule = PluralRule::parse(m_po.header_field("Plural-Forms").value_or(""), nullptr);
    return rule ? rule->form_count() : 0;
  }

  fs::path m_path;
  PoFile m_po;
  PoFile m_template;
};

TEST_P(CatalogQuality, HeaderNamesTheLanguageAndItsPluralRule) {
  const auto& expected = GetParam();
  EXPECT_EQ(m_po.header_field("Language"), expected.language_header) << m_path;
  const auto plural_forms = m_po.header_field("Plural-Forms");
  ASSERT_TRUE(plural_forms) << m_path << " has no Plural-Forms header";
  EXPECT_EQ(without_spaces(*plural_forms), without_spaces(expected.plural_forms)) << m_path;
  EXPECT_EQ(m_po.header_field("Content-Type"), "text/plain; charset=UTF-8") << m_path;
  EXPECT_FALSE(m_po.header_fuzzy) << m_path << ": the header is still marked fuzzy";
}

TEST_P(CatalogQuality, TranslatesEveryTemplateMessage) {
  const auto forms = form_count();
  ASSERT_GT(forms, 0u) << m_path << ": unreadable Plural-Forms";
  for (const auto& wanted : m_template.entries) {
    const auto* entry = find(key_of(wanted));
    if (entry == nullptr) {
      ADD_FAILURE() << m_path << ": missing " << describe(key_of(wanted)) << " (run scripts/update-pot.sh)";
      continue;
    }
    const auto where = m_path.string() + ":" + std::to_string(entry->line) + ": ";
    EXPECT_FALSE(entry->is_fuzzy()) << where << "fuzzy: " << entry->msgid;
    EXPECT_TRUE(entry->is_translated()) << where << "untranslated: " << entry->msgid;
    if (entry->is_plural()) {
      EXPECT_EQ(entry->msgstr.size(), forms)
          << where << "needs one msgstr[N] per plural form: " << entry->msgid;
    }
  }
}

TEST_P(CatalogQuality, HasNoMessageTheTemplateLacks) {
  const auto unused = list_difference(keys_of(m_po), keys_of(m_template));
  EXPECT_TRUE(unused.empty()) << m_path << " has messages the code no longer uses "
                              << "(run scripts/update-pot.sh, which makes them obsolete):\n"
                              << unused;
}

TEST_P(CatalogQuality, KeepsThePlaceholdersOfTheMsgid) {
  for (const auto& entry : m_po.entries) {
    auto expected = placeholder_names(entry.msgid);
    if (entry.msgid_plural) {
      expected.merge(placeholder_names(*entry.msgid_plural));
    }
    for (std::size_t form = 0; form < entry.msgstr.size(); ++form) {
      if (entry.msgstr[form].empty()) {
        continue;  // reported as untranslated above
      }
      EXPECT_EQ(placeholder_names(entry.msgstr[form]), expected)
          << m_path.string() << ":" << entry.line << ": msgstr[" << form << "] \"" << entry.msgstr[form]
          << "\" must use exactly the placeholders of \"" << entry.msgid << "\"";
    }
  }
}

TEST_P(CatalogQuality, LoadsAsRuntimeCatalog) {
  std::string error;
  const auto catalog = Catalog::load_po_file(m_path, &error);
  ASSERT_TRUE(catalog) << error;
  EXPECT_EQ(catalog->language(), GetParam().language_header);
  for (const auto& entry : m_po.entries) {
    const auto context = entry.context.value_or("");
    EXPECT_EQ(catalog->trc(context, entry.msgid), entry.msgstr.front()) << describe(key_of(entry));
  }
}

TEST_P(CatalogQuality, PassesMsgfmtCheck) {
  if (const auto why = missing_tool("msgfmt")) {
    GTEST_SKIP() << *why;
  }
  const auto result = run_command("msgfmt --check -o /dev/null " + shell_quote(m_path.string()));
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

TEST_P(CatalogQuality, PassesI18nspectorWithoutErrors) {
  if (const auto why = missing_tool("i18nspector")) {
    GTEST_SKIP() << *why;
  }
  const auto result = run_command("i18nspector " + shell_quote(m_path.string()));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  std::istringstream lines(result.output);
  std::string line;
  while (std::getline(lines, line)) {
    EXPECT_FALSE(line.starts_with("E:")) << "i18nspector reports an error; full output:\n" << result.output;
  }
}

// gtest names allow no '-': zh-Hans runs as .../zh_Hans.
std::string test_name_of(const ::testing::TestParamInfo<LanguageExpectation>& param) {
  std::string name(param.param.tag);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Languages, CatalogQuality, ::testing::ValuesIn(k_languages), test_name_of);

// ---- the set of catalogs and the template ----

TEST(CatalogTemplate, ShipsOneCatalogPerSupportedLanguage) {
  std::set<std::string> supported;
  for (const auto& language : domain::supported_languages()) {
    supported.emplace(language.tag);
  }
  std::set<std::string> checked;
  for (const auto& language : k_languages) {
    checked.emplace(language.tag);
  }
  std::set<std::string> shipped;
  for (const auto& item : fs::directory_iterator(i18n_dir())) {
    if (item.path().extension() == ".po") {
      shipped.insert(item.path().stem().string());
    }
  }
  EXPECT_EQ(shipped, supported) << "one <tag>.po per language in domain::supported_languages()";
  EXPECT_EQ(checked, supported) << "add the new language's expected header to k_languages in this test";
}

TEST(CatalogTemplate, TemplateParsesAndHoldsNoTranslations) {
  const auto pot = read_catalog(template_path());
  ASSERT_TRUE(pot);
  EXPECT_FALSE(pot->entries.empty());
  for (const auto& entry : pot->entries) {
    EXPECT_TRUE(
        std::all_of(entry.msgstr.begin(), entry.msgstr.end(), [](const auto& s) { return s.empty(); }))
        << "the template carries a translation for " << describe(key_of(entry));
  }
}

TEST(CatalogTemplate, TemplateMatchesTheSourceCode) {
  if (const auto why = missing_tool("xgettext")) {
    GTEST_SKIP() << *why;
  }
  const auto sources = sources_with_messages();
  if (sources.empty()) {
    GTEST_SKIP() << "no .cpp/.hpp under firmware_app/app or ui yet: nothing to extract messages from";
  }
  const auto work = fs::path(::testing::TempDir()) / ("kiosk_pot_check_" + std::to_string(::getpid()));
  fs::create_directories(work);
  {
    std::ofstream list(work / "sources.txt");
    for (const auto& source : sources) {
      list << source.string() << "\n";
    }
  }
  const auto extracted_path = work / "extracted.pot";
  const auto result = run_command(
      "xgettext --from-code=UTF-8 --language=C++ --keyword=tr:1 --keyword=trc:1c,2 --keyword=tr_n:1,2 "
      "--no-location --omit-header --force-po -o " +
      shell_quote(extracted_path.string()) + " --files-from=" + shell_quote((work / "sources.txt").string()));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto extracted = read_catalog(extracted_path);
  const auto shipped = read_catalog(template_path());
  fs::remove_all(work);
  ASSERT_TRUE(extracted && shipped);

  const auto in_code = keys_of(*extracted);
  const auto in_template = keys_of(*shipped);
  const auto missing = list_difference(in_code, in_template);
  const auto extra = list_difference(in_template, in_code);
  EXPECT_TRUE(missing.empty() && extra.empty())
      << "assets/i18n/branch-kiosk.pot is stale: run scripts/update-pot.sh\n"
      << (missing.empty() ? "" : "in the code but not in the template:\n") << missing
      << (extra.empty() ? "" : "in the template but no longer in the code:\n") << extra;
}

}  // namespace
}  // namespace kiosk::i18n
