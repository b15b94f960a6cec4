#include <gtest/gtest.h>

#include "dashboard_test_support.hpp"
#include "domain/dashboard/local_day.hpp"
#include "domain/dashboard/percentile.hpp"

namespace kiosk::domain::dashboard {
namespace {

using namespace test;

TEST(LocalDay, OrdinaryWinterDayIs24HoursFromLocalMidnight) {
  // Monday 23 November 2026, CET (UTC+1): the day runs 2026-11-22 23:00Z .. 2026-11-23 23:00Z.
  const LocalDayWindow w = local_day_window_at(utc(2026, 11, 23, 9, 15), oslo());
  EXPECT_EQ(w.day, day(2026, 11, 23));
  EXPECT_EQ(w.start, utc(2026, 11, 22, 23, 0));
  EXPECT_EQ(w.end, utc(2026, 11, 23, 23, 0));
}

TEST(LocalDay, SpringForwardDayIs23Hours) {
  // 2026-03-29 starts at 00:00 CET = 03-28 23:00Z and ends at 00:00 CEST on the 30th = 03-29 22:00Z.
  const LocalDayWindow w = local_day_window(day(2026, 3, 29), oslo());
  EXPECT_EQ(w.start, utc(2026, 3, 28, 23, 0));
  EXPECT_EQ(w.end, utc(2026, 3, 29, 22, 0));
  EXPECT_EQ(w.end - w.start, 23h);
}

TEST(LocalDay, FallBackDayIs25Hours) {
  // 2026-10-25 starts at 00:00 CEST = 10-24 22:00Z and ends at 00:00 CET on the 26th = 10-25 23:00Z.
  const LocalDayWindow w = local_day_window(day(2026, 10, 25), oslo());
  EXPECT_EQ(w.start, utc(2026, 10, 24, 22, 0));
  EXPECT_EQ(w.end, utc(2026, 10, 25, 23, 0));
  EXPECT_EQ(w.end - w.start, 25h);
}

TEST(LocalDay, TheRepeatedHourBelongsToTheFallBackDay) {
  // 02:30 local occurs twice on 25 October: 00:30Z (CEST) and 01:30Z (CET). Both are that day.
  EXPECT_EQ(local_day_window_at(utc(2026, 10, 25, 0, 30), oslo()).day, day(2026, 10, 25));
  EXPECT_EQ(local_day_window_at(utc(2026, 10, 25, 1, 30), oslo()).day, day(2026, 10, 25));
}

TEST(LocalDay, BoundsAreHalfOpen) {
  const LocalDayWindow w = local_day_window(day(2026, 11, 23), oslo());
  EXPECT_TRUE(w.contains(w.start));
  EXPECT_FALSE(w.contains(w.end));
  EXPECT_TRUE(w.contains(w.end - 1ms));
  EXPECT_FALSE(w.contains(w.start - 1ms));
  // 23:59:59.999 local on the 23rd is that day; 00:00 local on the 24th is the next.
  EXPECT_EQ(local_day_window_at(utc(2026, 11, 23, 22, 59, 59) + 999ms, oslo()).day, day(2026, 11, 23));
  EXPECT_EQ(local_day_window_at(utc(2026, 11, 23, 23, 0), oslo()).day, day(2026, 11, 24));
}

TEST(LocalDay, MidnightThatDoesNotExistStartsTheDayAtTheJump) {
  // America/Santiago sprang forward at 00:00 on 2026-09-06 (-04 -> -03): the day starts at 04:00Z, the
  // instant local time jumps from 23:59:59 on the 5th to 01:00 on the 6th; it lasts 23 hours.
  const date::time_zone& santiago = *date::locate_zone("America/Santiago");
  const LocalDayWindow w = local_day_window(day(2026, 9, 6), santiago);
  EXPECT_EQ(w.start, utc(2026, 9, 6, 4, 0));
  EXPECT_EQ(w.end, utc(2026, 9, 7, 3, 0));
  EXPECT_EQ(local_day_window(day(2026, 9, 5), santiago).end, w.start);
}

TEST(LocalDay, ConsecutiveWindowsTouchAcrossBothDstChanges) {
  const auto march = local_day_windows(day(2026, 3, 30), 3, oslo());  // 28th, 29th (23 h), 30th
  ASSERT_EQ(march.size(), 3U);
  EXPECT_EQ(march[0].day, day(2026, 3, 28));
  EXPECT_EQ(march[2].day, day(2026, 3, 30));
  EXPECT_EQ(march[0].end, march[1].start);
  EXPECT_EQ(march[1].end, march[2].start);
  EXPECT_EQ(march[1].end - march[1].start, 23h);
  EXPECT_EQ(march[2].end - march[2].start, 24h);

  const auto october = local_day_windows(day(2026, 10, 26), 30, oslo());
  ASSERT_EQ(october.size(), 30U);
  EXPECT_EQ(october.front().day, day(2026, 9, 27));
  EXPECT_EQ(october.back(), local_day_window(day(2026, 10, 26), oslo()));
  for (std::size_t i = 1; i < october.size(); ++i) {
    EXPECT_EQ(october[i - 1].end, october[i].start) << i;
  }
  // 30 days with one 25-hour day among them.
  EXPECT_EQ(october.back().end - october.front().start, 30 * 24h + 1h);
}

TEST(LocalDay, NoWindowsForANonPositiveCount) {
  EXPECT_TRUE(local_day_windows(day(2026, 11, 23), 0, oslo()).empty());
  EXPECT_TRUE(local_day_windows(day(2026, 11, 23), -3, oslo()).empty());
}

TEST(Percentile, NearestRankOnHandComputedSets) {
  std::vector<std::int64_t> four{4, 1, 3, 2};
  EXPECT_EQ(nearest_rank_percentile(four, 50), 2);  // rank ceil(2.0) = 2: the lower middle
  EXPECT_EQ(nearest_rank_percentile(four, 80), 4);  // rank ceil(3.2) = 4
  EXPECT_EQ(nearest_rank_percentile(four, 75), 3);  // rank ceil(3.0) = 3
  std::vector<std::int64_t> ten{10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
  EXPECT_EQ(nearest_rank_percentile(ten, 80), 8);  // rank 8
  EXPECT_EQ(nearest_rank_percentile(ten, 50), 5);  // rank 5
  EXPECT_EQ(nearest_rank_percentile(ten, 100), 10);
  std::vector<std::int64_t> five{50, 10, 40, 20, 30};
  EXPECT_EQ(nearest_rank_percentile(five, 50), 30);  // rank ceil(2.5) = 3: the true middle
  EXPECT_EQ(nearest_rank_percentile(five, 80), 40);  // rank 4
  std::vector<std::int64_t> one{7};
  EXPECT_EQ(nearest_rank_percentile(one, 50), 7);
  EXPECT_EQ(nearest_rank_percentile(one, 0), 7);  // clamped to 1
}

TEST(Percentile, EmptyGivesNothing) {
  std::vector<std::int64_t> none;
  EXPECT_EQ(nearest_rank_percentile(none, 50), std::nullopt);
}

}  // namespace
}  // namespace kiosk::domain::dashboard
