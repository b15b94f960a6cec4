#pragma once
// The result of reading a document a person or head office wrote (service catalog, taxonomy, survey,
// bookings): either the value, or every problem found, each naming where it is.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::domain {

struct ParseIssue {
  std::string path;     // where in the document: "services[2].hours.mon", "pages[0].elements[3]"; may be empty
  std::string message;  // what is wrong, for a person: `unsupported question type "matrix"`
  friend bool operator==(const ParseIssue&, const ParseIssue&) = default;
};

// "services[2].hours.mon: expected "HH:MM-HH:MM"" (or just the message when the path is empty).
std::string describe(const ParseIssue& issue);

template <class T>
struct ParseResult {
  std::optional<T> value;          // set only when issues is empty
  std::vector<ParseIssue> issues;  // in document order

  bool ok() const { return value.has_value(); }
  static ParseResult success(T v) { return ParseResult{std::move(v), {}}; }
  static ParseResult failure(std::vector<ParseIssue> found) { return ParseResult{std::nullopt, std::move(found)}; }
};

}  // namespace kiosk::domain
