#include <string>

#include <gtest/gtest.h>

#include "domain/complaints/contact.hpp"

namespace kiosk::domain::complaints {
namespace {

TEST(Phone, AcceptsDigitsSpacesAndALeadingPlus) {
  EXPECT_TRUE(validate_phone("+47 912 34 567"));
  EXPECT_TRUE(validate_phone("91234567"));
  EXPECT_TRUE(validate_phone("1234567"));               // 7 digits
  EXPECT_TRUE(validate_phone("+86 138 0013 8000"));     // 13 digits
  EXPECT_TRUE(validate_phone("+123 456 789 012 345"));  // 15 digits
  EXPECT_TRUE(validate_phone("  +7 912 345 67 89 "));
}

TEST(Phone, RejectsEverythingElse) {
  EXPECT_FALSE(validate_phone(""));
  EXPECT_FALSE(validate_phone("123456"));                // 6 digits
  EXPECT_FALSE(validate_phone("+1234 5678 9012 3456"));  // 16 digits
  EXPECT_FALSE(validate_phone("912-34-567"));
  EXPECT_FALSE(validate_phone("(22) 12 34 56"));
  EXPECT_FALSE(validate_phone("47+91234567"));
  EXPECT_FALSE(validate_phone("++4791234567"));
  EXPECT_FALSE(validate_phone("9123456a"));
  EXPECT_FALSE(validate_phone("９１２３４５６７"));  // full-width digits
  EXPECT_FALSE(validate_phone(std::string(100, ' ') + "91234567"));
}

TEST(Email, AcceptsOrdinaryAddresses) {
  EXPECT_TRUE(validate_email("kari@example.no"));
  EXPECT_TRUE(validate_email("kari.nordmann+bank@mail.example.co.uk"));
  EXPECT_TRUE(validate_email("o'brien@example.com"));
  EXPECT_TRUE(validate_email("иван@пример.рф"));
  EXPECT_TRUE(validate_email("王@例子.中国"));
}

TEST(Email, RejectsWhatCannotBeAnAddress) {
  EXPECT_FALSE(validate_email(""));
  EXPECT_FALSE(validate_email("kari"));
  EXPECT_FALSE(validate_email("kari@"));
  EXPECT_FALSE(validate_email("@example.no"));
  EXPECT_FALSE(validate_email("kari@example"));
  EXPECT_FALSE(validate_email("kari@@example.no"));
  EXPECT_FALSE(validate_email("kari@ex@ample.no"));
  EXPECT_FALSE(validate_email("kari nordmann@example.no"));
  EXPECT_FALSE(validate_email(".kari@example.no"));
  EXPECT_FALSE(validate_email("kari.@example.no"));
  EXPECT_FALSE(validate_email("ka..ri@example.no"));
  EXPECT_FALSE(validate_email("kari@example..no"));
  EXPECT_FALSE(validate_email("kari@-example.no"));
  EXPECT_FALSE(validate_email("kari@example.n"));
  EXPECT_FALSE(validate_email("kari@10.0.0.1"));
  EXPECT_FALSE(validate_email("<kari@example.no>"));
  EXPECT_FALSE(validate_email("kari@exa_mple.no"));
  EXPECT_FALSE(validate_email("kari\n@example.no"));
  EXPECT_FALSE(validate_email("kari@example.no\xff"));
  EXPECT_FALSE(validate_email(std::string(65, 'k') + "@example.no"));
  EXPECT_FALSE(validate_email("kari@" + std::string(64, 'e') + ".no"));
  EXPECT_FALSE(validate_email("kari@" + std::string(250, 'e') + ".no"));
}

TEST(Masks, PhoneKeepsCountryCodeAndLastThreeDigits) {
  EXPECT_EQ(mask_phone("+47 912 34 567"), "+47 ••• •• 567");
  EXPECT_EQ(mask_phone("+4791234567"), "+•••••••567");
  EXPECT_EQ(mask_phone("912 34 567"), "••• •• 567");
  EXPECT_EQ(mask_phone("  +47   912  34 567 "), "+47 ••• •• 567");
  EXPECT_EQ(mask_phone("+1234 567 8901"), "+•••• ••• •901");  // a 4-digit first group is not a country code
  EXPECT_EQ(mask_phone("not a phone"), "•••");
  EXPECT_EQ(mask_phone(""), "•••");
}

TEST(Masks, EmailKeepsFirstCharacterAndDomain) {
  EXPECT_EQ(mask_email("kari@example.no"), "k•••@example.no");
  EXPECT_EQ(mask_email("k@example.no"), "k•••@example.no");  // the length is not revealed
  EXPECT_EQ(mask_email("иван@пример.рф"), "и•••@пример.рф");
  EXPECT_EQ(mask_email("nonsense"), "•••");
}

TEST(Masks, NameKeepsTheFirstCharacter) {
  EXPECT_EQ(mask_name("Kari Nordmann"), "K•••");
  EXPECT_EQ(mask_name("  Øyvind"), "Ø•••");
  EXPECT_EQ(mask_name("王小明"), "王•••");
  EXPECT_EQ(mask_name(""), "");
  EXPECT_EQ(mask_name("   "), "");
  EXPECT_EQ(mask_name("K\xff"), "•••");
}

TEST(ContactDetails, AnyAndReachable) {
  EXPECT_FALSE((ContactDetails{" ", "", "\n"}).any());
  EXPECT_TRUE((ContactDetails{"Kari", "", ""}).any());
  EXPECT_FALSE((ContactDetails{"Kari", "", ""}).reachable());
  EXPECT_TRUE((ContactDetails{"", "91234567", ""}).reachable());
  EXPECT_TRUE((ContactDetails{"", "", "kari@example.no"}).reachable());
}

}  // namespace
}  // namespace kiosk::domain::complaints
