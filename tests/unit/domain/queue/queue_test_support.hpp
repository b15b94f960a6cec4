#pragma once
// Fixed instants and the branch time zone for the queue tests. Oslo is used because it has DST: in 2026 the
// clocks go forward on Sunday 29 March (02:00 CET -> 03:00 CEST, 01:00 UTC) and back on Sunday 25 October
// (03:00 CEST -> 02:00 CET, 01:00 UTC).

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "domain/text/parse_result.hpp"

namespace kiosk::domain {

// gtest prints issues as "path: message" instead of raw bytes.
inline void PrintTo(const ParseIssue& issue, std::ostream* out) {
  *out << describe(issue);
}

}  // namespace kiosk::domain

namespace kiosk::domain::queue::test {

inline const date::time_zone& oslo() {
  return *date::locate_zone("Europe/Oslo");
}

inline date::local_days day(int y, unsigned m, unsigned d) {
  return date::local_days{date::year{y} / date::month{m} / date::day{d}};
}

inline std::chrono::sys_seconds utc(int y, unsigned m, unsigned d, int hh, int mm, int ss = 0) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{hh} +
         std::chrono::minutes{mm} + std::chrono::seconds{ss};
}

// A wall-clock time in Oslo that exists exactly once (tests of the DST edge use utc() instead).
inline std::chrono::sys_seconds oslo_time(int y, unsigned m, unsigned d, int hh, int mm, int ss = 0) {
  const date::local_seconds local{day(y, m, d) + std::chrono::hours{hh} + std::chrono::minutes{mm} +
                                  std::chrono::seconds{ss}};
  return oslo().to_sys(local);  // throws for a nonexistent or ambiguous time, which would be a test bug
}

// "path: message" for every issue, so a failing expectation shows what was found.
inline std::string describe_all(const std::vector<ParseIssue>& issues) {
  std::string all;
  for (const ParseIssue& issue : issues) {
    all += describe(issue) + "\n";
  }
  return all;
}

}  // namespace kiosk::domain::queue::test
