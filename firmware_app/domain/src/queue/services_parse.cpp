#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "domain/queue/services.hpp"
#include "../text/json_reader.hpp"

namespace kiosk::domain::queue {
namespace {

using namespace json_reader;
using std::chrono::minutes;

constexpr std::array<std::string_view, 7> k_weekday_keys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::size_t k_max_id_length = 32;
constexpr int k_max_counter = 999;
constexpr int k_max_version = 2'000'000'000;
constexpr minutes k_day_length{24 * 60};

bool is_lower_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool is_ticket_prefix(std::string_view prefix) {
  return (prefix.size() == 1 || prefix.size() == 2) &&
         std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::optional<int> two_digits(std::string_view text) {
  if (text.size() != 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9') {
    return std::nullopt;
  }
  return (text[0] - '0') * 10 + (text[1] - '0');
}

// "HH:MM" as minutes after midnight; "24:00" only when it may end an interval.
std::optional<minutes> parse_clock_time(std::string_view text, bool allow_midnight_end) {
  if (text.size() != 5 || text[2] != ':') {
    return std::nullopt;
  }
  const auto hours = two_digits(text.substr(0, 2));
  const auto mins = two_digits(text.substr(3, 2));
  if (!hours || !mins || *mins > 59) {
    return std::nullopt;
  }
  if (*hours == 24 && *mins == 0 && allow_midnight_end) {
    return k_day_length;
  }
  if (*hours > 23) {
    return std::nullopt;
  }
  return minutes{*hours * 60 + *mins};
}

std::optional<LocalInterval> read_interval(const Json& value, const std::string& path, Issues& issues) {
  const auto text = read_string(value, path, issues);
  if (!text) {
    return std::nullopt;
  }
  const std::size_t dash = text->find('-');
  const auto opens =
      dash == std::string::npos ? std::nullopt : parse_clock_time(text->substr(0, dash), false);
  const auto closes =
      dash == std::string::npos ? std::nullopt : parse_clock_time(text->substr(dash + 1), true);
  if (!opens || !closes) {
    add_issue(issues, path, fmt::format("\"{}\" is not an interval \"HH:MM-HH:MM\" (00:00 to 24:00)", *text));
    return std::nullopt;
  }
  if (*closes <= *opens) {
    add_issue(issues, path, fmt::format("\"{}\" closes before it opens", *text));
    return std::nullopt;
  }
  return LocalInterval{*opens, *closes};
}

std::string describe_interval(const LocalInterval& interval) {
  const auto as_clock = [](minutes m) { return fmt::format("{:02}:{:02}", m.count() / 60, m.count() % 60); };
  return as_clock(interval.opens) + "-" + as_clock(interval.closes);
}

// One weekday's list; intervals may be written in any order but must not overlap.
std::vector<LocalInterval> read_day(const Json& value, const std::string& path, Issues& issues) {
  std::vector<LocalInterval> day;
  if (!value.is_array()) {
    add_issue(issues, path, fmt::format("expected a list of \"HH:MM-HH:MM\", found {}", value.type_name()));
    return day;
  }
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string item_path = index_path(path, i);
    const auto interval = read_interval(value[i], item_path, issues);
    if (!interval) {
      continue;
    }
    for (std::size_t j = 0; j < day.size(); ++j) {
      if (interval->opens < day[j].closes && day[j].opens < interval->closes) {
        add_issue(issues, item_path,
                  fmt::format("overlaps \"{}\" ({}[{}])", describe_interval(day[j]), path, positions[j]));
      }
    }
    day.push_back(*interval);
    positions.push_back(i);
  }
  std::sort(day.begin(), day.end(),
            [](const LocalInterval& a, const LocalInterval& b) { return a.opens < b.opens; });
  return day;
}

std::optional<date::local_days> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto century = two_digits(text.substr(0, 2));
  const auto year_in_century = two_digits(text.substr(2, 2));
  const auto month = two_digits(text.substr(5, 2));
  const auto day = two_digits(text.substr(8, 2));
  if (!century || !year_in_century || !month || !day) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{*century * 100 + *year_in_century},
                                 date::month{static_cast<unsigned>(*month)},
                                 date::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return date::local_days{ymd};
}

std::vector<date::local_days> read_closed_dates(const Json& value, const std::string& path, Issues& issues) {
  std::vector<date::local_days> dates;
  if (!value.is_array()) {
    add_issue(issues, path, fmt::format("expected a list of \"YYYY-MM-DD\", found {}", value.type_name()));
    return dates;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string item_path = index_path(path, i);
    const auto text = read_string(value[i], item_path, issues);
    if (!text) {
      continue;
    }
    const auto parsed = parse_date(*text);
    if (!parsed) {
      add_issue(issues, item_path, fmt::format("\"{}\" is not a calendar date \"YYYY-MM-DD\"", *text));
    } else if (std::find(dates.begin(), dates.end(), *parsed) != dates.end()) {
      add_issue(issues, item_path, fmt::format("\"{}\" is listed twice", *text));
    } else {
      dates.push_back(*parsed);
    }
  }
  std::sort(dates.begin(), dates.end());
  return dates;
}

OpeningHours read_hours(const Json& value, const std::string& path, Issues& issues) {
  OpeningHours hours;
  if (!expect_object(value, path, issues)) {
    return hours;
  }
  reject_unknown_keys(value, {"weekly", "closed_dates"}, path, issues);
  if (const Json* weekly = required_member(value, "weekly", path, issues)) {
    const std::string weekly_path = key_path(path, "weekly");
    if (expect_object(*weekly, weekly_path, issues)) {
      reject_unknown_keys(*weekly, {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}, weekly_path, issues);
      for (std::size_t d = 0; d < k_weekday_keys.size(); ++d) {
        if (const Json* day = optional_member(*weekly, k_weekday_keys[d])) {
          hours.weekly[d] = read_day(*day, key_path(weekly_path, k_weekday_keys[d]), issues);
        }
      }
    }
  }
  if (const Json* closed = optional_member(value, "closed_dates")) {
    hours.closed_dates = read_closed_dates(*closed, key_path(path, "closed_dates"), issues);
  }
  return hours;
}

std::vector<int> read_counters(const Json& value, const std::string& path, Issues& issues) {
  std::vector<int> counters;
  if (!value.is_array() || value.empty()) {
    add_issue(issues, path, "expected a non-empty list of counter numbers");
    return counters;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string item_path = index_path(path, i);
    const auto counter = read_int(value[i], 1, k_max_counter, item_path, issues);
    if (!counter) {
      continue;
    }
    if (std::find(counters.begin(), counters.end(), *counter) != counters.end()) {
      add_issue(issues, item_path, fmt::format("counter {} is listed twice", *counter));
      continue;
    }
    counters.push_back(*counter);
  }
  return counters;
}

void read_id_and_prefix(const Json& value, const std::string& path, Service& service, Issues& issues) {
  if (const Json* id = required_member(value, "id", path, issues)) {
    const std::string id_path = key_path(path, "id");
    if (const auto text = read_string(*id, id_path, issues)) {
      if (is_valid_service_id(*text)) {
        service.id = *text;
      } else {
        add_issue(issues, id_path,
                  fmt::format("\"{}\" is not a service id (a-z first, then a-z, 0-9, '_', '-'; at most {})",
                              *text, k_max_id_length));
      }
    }
  }
  if (const Json* prefix = required_member(value, "prefix", path, issues)) {
    const std::string prefix_path = key_path(path, "prefix");
    if (const auto text = read_string(*prefix, prefix_path, issues)) {
      if (is_ticket_prefix(*text)) {
        service.prefix = *text;
      } else {
        add_issue(issues, prefix_path, fmt::format("\"{}\" is not one or two uppercase letters A-Z", *text));
      }
    }
  }
}

Service read_service(const Json& value, const std::string& path, Issues& issues) {
  Service service;
  if (!expect_object(value, path, issues)) {
    return service;
  }
  reject_unknown_keys(value, {"id", "prefix", "name", "description", "hours", "counters", "enabled"}, path,
                      issues);
  read_id_and_prefix(value, path, service, issues);
  if (const Json* name = required_member(value, "name", path, issues)) {
    service.name = read_localized_text(*name, key_path(path, "name"), issues).value_or(LocalizedText{});
  }
  if (const Json* description = optional_member(value, "description")) {
    service.description =
        read_localized_text(*description, key_path(path, "description"), issues).value_or(LocalizedText{});
  }
  if (const Json* hours = required_member(value, "hours", path, issues)) {
    service.hours = read_hours(*hours, key_path(path, "hours"), issues);
  }
  if (const Json* counters = required_member(value, "counters", path, issues)) {
    service.counters = read_counters(*counters, key_path(path, "counters"), issues);
  }
  if (const Json* enabled = optional_member(value, "enabled")) {
    service.enabled = read_bool(*enabled, key_path(path, "enabled"), issues).value_or(true);
  }
  return service;
}

// Ids and prefixes identify a service on tickets and in events, so a repeat is an error naming the first.
void check_unique(const std::vector<Service>& services, Issues& issues) {
  std::map<std::string, std::size_t, std::less<>> ids;
  std::map<std::string, std::size_t, std::less<>> prefixes;
  for (std::size_t i = 0; i < services.size(); ++i) {
    const std::string path = index_path("services", i);
    const Service& service = services[i];
    if (!service.id.empty()) {
      if (const auto [it, fresh] = ids.emplace(service.id, i); !fresh) {
        add_issue(issues, key_path(path, "id"),
                  fmt::format("\"{}\" is already used by services[{}]", service.id, it->second));
      }
    }
    if (!service.prefix.empty()) {
      if (const auto [it, fresh] = prefixes.emplace(service.prefix, i); !fresh) {
        add_issue(issues, key_path(path, "prefix"),
                  fmt::format("\"{}\" is already used by services[{}]", service.prefix, it->second));
      }
    }
  }
}

}  // namespace

bool is_valid_service_id(std::string_view id) {
  if (id.empty() || id.size() > k_max_id_length || id.front() < 'a' || id.front() > 'z') {
    return false;
  }
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return is_lower_or_digit(c) || c == '_' || c == '-'; });
}

const std::vector<LocalInterval>& OpeningHours::on(date::weekday day) const {
  return weekly[day.iso_encoding() - 1];
}

bool OpeningHours::is_closed_on(date::local_days day) const {
  return std::binary_search(closed_dates.begin(), closed_dates.end(), day);
}

const Service* ServiceCatalog::find(std::string_view id) const {
  const auto found =
      std::find_if(services.begin(), services.end(), [&](const Service& s) { return s.id == id; });
  return found == services.end() ? nullptr : &*found;
}

ParseResult<ServiceCatalog> parse_service_catalog(std::string_view json) {
  Issues issues;
  const auto document = parse_json_document(json, issues);
  if (!document) {
    return ParseResult<ServiceCatalog>::failure(std::move(issues));
  }
  ServiceCatalog catalog;
  if (!expect_object(*document, "", issues)) {
    return ParseResult<ServiceCatalog>::failure(std::move(issues));
  }
  reject_unknown_keys(*document, {"version", "services"}, "", issues);
  if (const Json* version = required_member(*document, "version", "", issues)) {
    catalog.version = read_int(*version, 1, k_max_version, "version", issues).value_or(0);
  }
  if (const Json* services = required_member(*document, "services", "", issues)) {
    if (!services->is_array() || services->empty()) {
      add_issue(issues, "services", "expected a non-empty list of services");
    } else {
      for (std::size_t i = 0; i < services->size(); ++i) {
        catalog.services.push_back(read_service((*services)[i], index_path("services", i), issues));
      }
      check_unique(catalog.services, issues);
    }
  }
  if (!issues.empty()) {
    return ParseResult<ServiceCatalog>::failure(std::move(issues));
  }
  return ParseResult<ServiceCatalog>::success(std::move(catalog));
}

}  // namespace kiosk::domain::queue
