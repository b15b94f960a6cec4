#include "domain/staff/pin_policy.hpp"

#include <gtest/gtest.h>

namespace kiosk::domain::staff {
namespace {

std::optional<PinProblem> problem(std::string_view pin, const PinPolicy& policy = {}) {
  const auto rejection = check_pin_format(pin, policy);
  return rejection ? std::optional<PinProblem>(rejection->problem) : std::nullopt;
}

TEST(PinPolicy, AcceptsOrdinaryPins) {
  for (const char* pin : {"2580", "1357", "90210", "12345679", "1123", "0102", "9875", "4312"}) {
    EXPECT_EQ(check_pin_format(pin), std::nullopt) << pin;
  }
}

TEST(PinPolicy, FourToEightDigits) {
  EXPECT_EQ(problem(""), PinProblem::wrong_length);
  EXPECT_EQ(problem("258"), PinProblem::wrong_length);
  EXPECT_EQ(problem("2581"), std::nullopt);
  EXPECT_EQ(problem("25813579"), std::nullopt);
  EXPECT_EQ(problem("258135790"), PinProblem::wrong_length);
  EXPECT_EQ(check_pin_format("258")->message, "a PIN has 4 to 8 digits; this one has 3 characters");
  EXPECT_EQ(check_pin_format("2")->message, "a PIN has 4 to 8 digits; this one has 1 character");
}

TEST(PinPolicy, OnlyAsciiDigits) {
  EXPECT_EQ(problem("25a8"), PinProblem::not_digits);
  EXPECT_EQ(problem("25 8"), PinProblem::not_digits);
  EXPECT_EQ(problem("\xd9\xa1\xd9\xa2"), PinProblem::not_digits);  // Arabic-Indic digits are not 0-9
  // The message names the position, never the PIN's characters.
  EXPECT_EQ(check_pin_format("25a8")->message,
            "a PIN has only the digits 0-9; character 3 is something else");
}

TEST(PinPolicy, RejectsOneRepeatedDigit) {
  EXPECT_EQ(problem("0000"), PinProblem::all_same);
  EXPECT_EQ(problem("77777777"), PinProblem::all_same);
  EXPECT_EQ(problem("7778"), std::nullopt);
}

TEST(PinPolicy, RejectsStraightRunsUpAndDown) {
  for (const char* pin : {"1234", "0123", "12345678", "4321", "9876", "7890", "8901", "2109", "3210"}) {
    EXPECT_EQ(problem(pin), PinProblem::straight_run) << pin;
  }
  EXPECT_EQ(problem("1235"), std::nullopt);
  EXPECT_EQ(problem("2468"), std::nullopt);  // steps of two are allowed
  EXPECT_EQ(problem("1243"), std::nullopt);
  EXPECT_NE(check_pin_format("1234")->message.find("straight run"), std::string::npos);
}

TEST(PinPolicy, LengthComesFromThePolicy) {
  const PinPolicy six{6, 6};
  EXPECT_EQ(problem("2580", six), PinProblem::wrong_length);
  EXPECT_EQ(problem("258013", six), std::nullopt);
  const PinPolicy inverted{6, 4};  // max below min is taken as min
  EXPECT_EQ(problem("258013", inverted), std::nullopt);
  EXPECT_EQ(problem("2580134", inverted), PinProblem::wrong_length);
}

}  // namespace
}  // namespace kiosk::domain::staff
