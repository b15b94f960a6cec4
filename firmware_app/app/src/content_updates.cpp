// Content updates from head office: checked with the desk's own domain parsers, handed from the sync
// thread to the UI thread, and applied to the desk's content there.
#include "app/content_updates.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <optional>

#include "app/customer_desk.hpp"

namespace kiosk::app {
namespace {

// A refused bundle's reason goes to the log and the sync status; a megabyte of parser complaints would not
// help anyone there.
constexpr std::size_t k_max_reason_bytes = 1000;

std::string join_issues(const std::vector<domain::ParseIssue>& issues) {
  std::string text;
  for (const auto& issue : issues) {
    if (!text.empty())
      text += "; ";
    text += domain::describe(issue);
    if (text.size() > k_max_reason_bytes) {
      text.resize(k_max_reason_bytes);
      text += "...";
      break;
    }
  }
  return text;
}

std::optional<int> survey_version_hint(std::uint64_t version) {
  if (version == 0 || version > static_cast<std::uint64_t>(INT_MAX))
    return std::nullopt;
  return static_cast<int>(version);
}

// The survey definitions of a "surveys" payload by trigger, or why it cannot be used.
std::string parse_surveys(const ContentUpdate& update,
                          std::map<std::string, domain::surveys::SurveyDefinition, std::less<>>& out) {
  const auto payload = nlohmann::json::parse(update.payload, nullptr, false);
  if (payload.is_discarded() || !payload.is_object())
    return "surveys: the payload must be an object of survey definitions keyed by trigger";
  if (payload.empty())
    return "surveys: the payload names no trigger";
  for (const auto& [trigger, document] : payload.items()) {
    if (std::find(k_survey_triggers.begin(), k_survey_triggers.end(), trigger) == k_survey_triggers.end())
      return "surveys: unknown trigger \"" + trigger.substr(0, 32) + "\"; the kiosk has: visit, atm_quick";
    auto survey =
        domain::surveys::parse_survey(document.dump(), trigger, survey_version_hint(update.version));
    if (!survey.ok())
      return "surveys." + trigger + ": " + join_issues(survey.issues);
    out.emplace(trigger, std::move(*survey.value));
  }
  return {};
}

}  // namespace

std::string check_content_update(const ContentUpdate& update) {
  DeskContent scratch;
  std::vector<std::string> warnings;
  return apply_content_update(scratch, update, warnings);
}

std::string apply_content_update(DeskContent& content, const ContentUpdate& update,
                                 std::vector<std::string>& warnings) {
  if (update.kind == "services") {
    auto catalog = domain::queue::parse_service_catalog(update.payload);
    if (!catalog.ok())
      return "services: " + join_issues(catalog.issues);
    content.services = std::move(*catalog.value);
    for (const auto& issue : domain::queue::check_booking_services(content.bookings, content.services))
      warnings.push_back("bookings no longer honoured: " + domain::describe(issue));
    return {};
  }
  if (update.kind == "bookings") {
    auto bookings = domain::queue::parse_bookings(update.payload);
    if (!bookings.ok())
      return "bookings: " + join_issues(bookings.issues);
    for (const auto& issue : domain::queue::check_booking_services(*bookings.value, content.services))
      warnings.push_back("booking not honoured: " + domain::describe(issue));
    content.bookings = std::move(*bookings.value);
    return {};
  }
  if (update.kind == "surveys") {
    std::map<std::string, domain::surveys::SurveyDefinition, std::less<>> surveys;
    if (auto problem = parse_surveys(update, surveys); !problem.empty())
      return problem;
    for (auto& [trigger, survey] : surveys)
      content.surveys.insert_or_assign(trigger, std::move(survey));
    return {};
  }
  if (update.kind == "announcements") {
    auto announcements = domain::announcements::parse_announcements(update.payload);
    if (!announcements.ok())
      return "announcements: " + join_issues(announcements.issues);
    content.announcements = std::move(*announcements.value);
    return {};
  }
  return "kind \"" + update.kind.substr(0, 32) + "\" is not content this kiosk applies";
}

void restore_content_kind(DeskContent& content, const DeskContent& from, std::string_view kind) {
  if (kind == "services")
    content.services = from.services;
  else if (kind == "bookings")
    content.bookings = from.bookings;
  else if (kind == "surveys")
    content.surveys = from.surveys;
  else if (kind == "announcements")
    content.announcements = from.announcements;
}

void PendingContent::offer(ContentUpdate update) {
  std::lock_guard lock(m_mutex);
  auto key = std::pair{update.kind, update.scope};
  m_by_kind_and_scope.insert_or_assign(std::move(key), Waiting{m_offers++, std::move(update)});
  m_waiting.store(true, std::memory_order_release);
}

std::vector<ContentUpdate> PendingContent::take() {
  std::vector<Waiting> waiting;
  {
    std::lock_guard lock(m_mutex);
    for (auto& [key, entry] : m_by_kind_and_scope)
      waiting.push_back(std::move(entry));
    m_by_kind_and_scope.clear();
    m_waiting.store(false, std::memory_order_release);
  }
  // Known kinds in their order, unknown ones last (refused by apply_content_update, which says so in the
  // log); within a kind, the order of offers.
  const auto rank = [](const Waiting& entry) {
    const auto found = std::find(k_content_kinds.begin(), k_content_kinds.end(), entry.update.kind);
    return std::pair{found - k_content_kinds.begin(), entry.offered};
  };
  std::sort(waiting.begin(), waiting.end(),
            [&](const Waiting& a, const Waiting& b) { return rank(a) < rank(b); });
  std::vector<ContentUpdate> updates;
  updates.reserve(waiting.size());
  for (auto& entry : waiting)
    updates.push_back(std::move(entry.update));
  return updates;
}

}  // namespace kiosk::app
