#include <gtest/gtest.h>

#include "domain/complaints/status.hpp"

namespace kiosk::domain::complaints {
namespace {

TEST(ComplaintStatus, WordsRoundTrip) {
  const ComplaintStatus all[] = {ComplaintStatus::received,    ComplaintStatus::acknowledged,
                                 ComplaintStatus::in_progress, ComplaintStatus::resolved,
                                 ComplaintStatus::closed,      ComplaintStatus::rejected};
  for (ComplaintStatus status : all) {
    EXPECT_EQ(parse_complaint_status(to_string(status)), status) << to_string(status);
  }
  EXPECT_EQ(to_string(ComplaintStatus::in_progress), "in_progress");
  EXPECT_FALSE(parse_complaint_status("Received"));
  EXPECT_FALSE(parse_complaint_status("in progress"));
  EXPECT_FALSE(parse_complaint_status(""));
}

TEST(ComplaintStatus, OpenUntilResolvedClosedOrRejected) {
  EXPECT_TRUE(is_open(ComplaintStatus::received));
  EXPECT_TRUE(is_open(ComplaintStatus::acknowledged));
  EXPECT_TRUE(is_open(ComplaintStatus::in_progress));
  EXPECT_FALSE(is_open(ComplaintStatus::resolved));
  EXPECT_FALSE(is_open(ComplaintStatus::closed));
  EXPECT_FALSE(is_open(ComplaintStatus::rejected));
}

TEST(ResolutionAnswer, WordsRoundTrip) {
  for (ResolutionAnswer answer : {ResolutionAnswer::yes, ResolutionAnswer::partly, ResolutionAnswer::no}) {
    EXPECT_EQ(parse_resolution_answer(to_string(answer)), answer);
  }
  EXPECT_EQ(to_string(ResolutionAnswer::partly), "partly");
  EXPECT_FALSE(parse_resolution_answer("maybe"));
}

TEST(StatusEntry, ComparesByValue) {
  const StatusEntry a{ComplaintStatus::resolved, std::chrono::sys_seconds{std::chrono::seconds{100}},
                      "Refunded"};
  StatusEntry b = a;
  EXPECT_EQ(a, b);
  b.note = "";
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace kiosk::domain::complaints
