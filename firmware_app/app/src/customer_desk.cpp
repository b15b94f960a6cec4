// The desk's common parts: construction (PII key, calendar, kiosk code), transactions, events.
#include <date/date.h>

#include <algorithm>

#include "desk_impl.hpp"
#include "domain/complaints/reference.hpp"
#include "domain/event.hpp"

namespace kiosk::app {

std::string iso_day(date::local_days day) {
  return date::format("%F", day);
}

std::string rfc3339(UtcTime instant) {
  return domain::format_rfc3339_utc(std::chrono::time_point_cast<std::chrono::milliseconds>(instant));
}

domain::EventRecord CustomerDesk::Impl::event(std::string type, nlohmann::json data) const {
  domain::EventRecord record;
  const auto at = clock.utc_now();
  record.id = store.new_event_id(at);
  record.type = std::move(type);
  record.schema = 1;
  record.at = std::chrono::time_point_cast<std::chrono::milliseconds>(at);
  record.data_json = data.dump();
  return record;
}

DeskProblem CustomerDesk::Impl::in_transaction(std::string_view what,
                                               const std::function<void(store::Transaction&)>& work) {
  try {
    store::Transaction transaction(store.database());
    work(transaction);
    transaction.commit();
    if (committed)
      committed();
    return DeskProblem::none;
  } catch (const store::StoreError& error) {
    spdlog::error("{} not stored: {} (SQLite {})", what, error.message(), error.code());
    return error.is_storage_full() ? DeskProblem::storage_full : DeskProblem::store_failed;
  } catch (const std::exception& error) {
    spdlog::error("{} not stored: {}", what, error.what());
    return DeskProblem::store_failed;
  }
}

CustomerDesk::CustomerDesk(store::Store& store, const KioskConfig& config, DeskContent content,
                           const platform::Clock& clock, const std::filesystem::path& key_file)
    : m_content(std::move(content)),
      m_assets(m_content),
      m_impl(std::make_unique<Impl>(store, config, clock)) {
  auto& impl = *m_impl;
  try {
    impl.zone = date::locate_zone(config.kiosk.time_zone);
  } catch (const std::exception&) {
    impl.zone = date::locate_zone("UTC");  // config validation refuses unknown zones; this is a last resort
  }
  std::string error;
  impl.cipher = store::PiiCipher::load_or_create(key_file, error);
  if (!impl.cipher)
    spdlog::error("complaints disabled: {}", error);
  impl.kiosk_code = domain::complaints::kiosk_code_for(config.kiosk.branch_id, config.kiosk.kiosk_id);
  apply_runtime_config(config);
}

void CustomerDesk::apply_runtime_config(const KioskConfig& config) {
  auto& impl = *m_impl;
  // Only the complaint rules are read from here; the kiosk's identity and time zone were fixed at start
  // (a config bundle cannot change them).
  impl.config.complaints = config.complaints;
  impl.calendar.holidays.clear();
  if (auto holidays = domain::complaints::parse_holidays(config.complaints.holidays); holidays.ok()) {
    impl.calendar.holidays = std::move(*holidays.value);
  }
  impl.priority_rules.high_issues = config.complaints.high_priority_issues;
}

CustomerDesk::~CustomerDesk() = default;

void CustomerDesk::set_commit_listener(std::function<void()> listener) {
  m_impl->committed = std::move(listener);
}

std::size_t CustomerDesk::update_content(const std::vector<ContentUpdate>& updates) {
  std::size_t applied = 0;
  for (const auto& update : updates) {
    std::vector<std::string> warnings;
    if (auto problem = apply_content_update(m_content, update, warnings); !problem.empty()) {
      spdlog::error("content {} not used: {}", update.origin, problem);
      continue;
    }
    for (const auto& warning : warnings)
      spdlog::warn("content {}: {}", update.origin, warning);
    spdlog::info("content {} in use", update.origin);
    remember_applied(update);
    ++applied;
  }
  return applied;
}

void CustomerDesk::remember_applied(const ContentUpdate& update) {
  std::erase_if(m_applied, [&](const ContentUpdate& applied) {
    return applied.kind == update.kind && applied.scope == update.scope;
  });
  m_applied.push_back(update);
  // A kiosk follows a kind at two scopes; a few more covers anything older that is still valid.
  constexpr std::ptrdiff_t k_kept_per_kind = 4;
  if (std::count_if(m_applied.begin(), m_applied.end(), [&](const ContentUpdate& applied) {
        return applied.kind == update.kind;
      }) > k_kept_per_kind) {
    m_applied.erase(std::find_if(m_applied.begin(), m_applied.end(),
                                 [&](const ContentUpdate& applied) { return applied.kind == update.kind; }));
  }
}

bool CustomerDesk::drop_expired_content() {
  const UtcTime now = m_impl->now();
  std::vector<std::string> expired_kinds;
  std::erase_if(m_applied, [&](const ContentUpdate& update) {
    if (!update.expires || now < *update.expires)
      return false;
    spdlog::warn("content {} expired at {}; dropped", update.origin,
                 domain::format_rfc3339_utc(domain::EventTime{*update.expires}));
    if (std::find(expired_kinds.begin(), expired_kinds.end(), update.kind) == expired_kinds.end())
      expired_kinds.push_back(update.kind);
    return true;
  });
  // Rebuilt from the assets and every update of the kind still valid, oldest first: exactly what the
  // kiosk would have had if the expired bundle had never arrived.
  for (const auto& kind : expired_kinds) {
    restore_content_kind(m_content, m_assets, kind);
    std::string source = "the assets";
    for (const auto& update : m_applied) {
      std::vector<std::string> warnings;
      if (update.kind == kind && apply_content_update(m_content, update, warnings).empty())
        source = update.origin;
    }
    spdlog::warn("content {}: {} in use again", kind, source);
  }
  const domain::EventTime at{now};
  const auto ended = std::erase_if(m_content.announcements.items, [&](const auto& announcement) {
    if (!domain::announcements::has_ended(announcement, at))
      return false;
    spdlog::info("announcement {} ended at {}; no longer shown", announcement.id,
                 domain::format_rfc3339_utc(*announcement.end));
    return true;
  });
  std::erase_if(m_assets.announcements.items,
                [&](const auto& announcement) { return domain::announcements::has_ended(announcement, at); });
  return !expired_kinds.empty() || ended > 0;
}

std::vector<const domain::announcements::Announcement*> CustomerDesk::announcements_shown() const {
  return domain::announcements::shown_at(m_content.announcements, domain::EventTime{m_impl->now()},
                                         *m_impl->zone);
}

bool CustomerDesk::complaints_available() const {
  return m_impl->cipher != nullptr;
}

UtcTime CustomerDesk::now() const {
  return m_impl->now();
}

const std::string& CustomerDesk::time_zone() const {
  return m_impl->config.kiosk.time_zone;
}

}  // namespace kiosk::app
