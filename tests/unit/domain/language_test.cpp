#include "domain/language.hpp"

#include <gtest/gtest.h>

namespace kiosk::domain {
namespace {

TEST(Language, ShipsTheFourLanguagesTheBankAskedFor) {
  std::vector<std::string_view> tags;
  for (const auto& language : supported_languages()) {
    tags.push_back(language.tag);
  }
  EXPECT_EQ(tags, (std::vector<std::string_view>{"en", "ru", "zh-Hans", "nb"}));
}

TEST(Language, FindsTagsIgnoringCase) {
  ASSERT_TRUE(find_language("zh-hans"));
  EXPECT_EQ(find_language("ZH-HANS")->autonym, "简体中文");
  EXPECT_EQ(find_language("nb")->autonym, "Norsk bokmål");
  EXPECT_FALSE(find_language("de"));
  EXPECT_FALSE(find_language(""));
  EXPECT_FALSE(find_language("n"));
}

}  // namespace
}  // namespace kiosk::domain
