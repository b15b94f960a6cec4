// Queue check-in at the desk: availability, numbering, the honest estimate, and the ticket with its
// outbox event in one transaction.
#include <date/date.h>

#include <charconv>

#include "desk_impl.hpp"
#include "domain/counters/console.hpp"
#include "domain/queue/ticket_numbering.hpp"
#include "domain/queue/wait_estimate.hpp"
#include "store/counter_repository.hpp"
#include "store/ticket_repository.hpp"

namespace kiosk::app {
namespace {

namespace queue = domain::queue;

// How far back service times count for estimates: recent enough to reflect today's staffing.
constexpr std::chrono::days k_estimate_history{28};

ServiceOption::State option_state(queue::AvailabilityState state) {
  switch (state) {
    case queue::AvailabilityState::open:
      return ServiceOption::State::open;
    case queue::AvailabilityState::closed_now:
      return ServiceOption::State::opens_later;
    case queue::AvailabilityState::closed_today:
      return ServiceOption::State::closed_today;
    case queue::AvailabilityState::disabled:
      return ServiceOption::State::disabled;
  }
  return ServiceOption::State::disabled;
}

QuotedWait quoted(const queue::WaitEstimate& estimate) {
  QuotedWait wait;
  switch (estimate.kind) {
    case queue::WaitKind::range:
      wait.kind = QuotedWait::Kind::range;
      break;
    case queue::WaitKind::no_wait:
      wait.kind = QuotedWait::Kind::no_wait;
      break;
    case queue::WaitKind::people_ahead_only:
      wait.kind = QuotedWait::Kind::people_ahead_only;
      break;
  }
  wait.low_minutes = static_cast<int>(estimate.low.count());
  wait.high_minutes = static_cast<int>(estimate.high.count());
  return wait;
}

// "2026-11-24" as a local day (the store writes it; anything else is treated as no counter).
std::optional<date::local_days> parse_iso_day(std::string_view text) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  const auto* begin = text.data();
  if (std::from_chars(begin, begin + 4, year).ptr != begin + 4 ||
      std::from_chars(begin + 5, begin + 7, month).ptr != begin + 7 ||
      std::from_chars(begin + 8, begin + 10, day).ptr != begin + 10) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
  if (!ymd.ok())
    return std::nullopt;
  return date::local_days{ymd};
}

store::QuoteKind store_quote_kind(queue::WaitKind kind) {
  switch (kind) {
    case queue::WaitKind::range:
      return store::QuoteKind::range;
    case queue::WaitKind::no_wait:
      return store::QuoteKind::no_wait;
    case queue::WaitKind::people_ahead_only:
      return store::QuoteKind::people_ahead_only;
  }
  return store::QuoteKind::people_ahead_only;
}

std::string_view kind_name(queue::WaitKind kind) {
  switch (kind) {
    case queue::WaitKind::range:
      return "range";
    case queue::WaitKind::no_wait:
      return "no_wait";
    case queue::WaitKind::people_ahead_only:
      return "people_ahead_only";
  }
  return "people_ahead_only";
}

// Counters open for `service` now, what the estimate divides by. Once any counter console changed a counter
// state today, the counter states say it (0 when nobody serves the service: the ticket then says only how
// many people are ahead). Before that, e.g. on a kiosk whose branch has no counter consoles, every counter
// the catalog lists for the open service is taken as open.
int open_counters_now(const queue::Service& service, const std::string& today, store::Database& db) {
  const store::CounterRepository counters(db);
  if (!counters.any_counter_state_on(today))
    return static_cast<int>(service.counters.size());
  std::vector<domain::counters::CounterState> states;
  for (auto& row : counters.counter_states())
    states.push_back(std::move(row.state));
  return domain::counters::open_counters_serving(service.id, states);
}

}  // namespace

std::vector<ServiceOption> CustomerDesk::services(const std::string& language) const {
  std::vector<ServiceOption> options;
  const auto now = m_impl->now();
  const auto today = iso_day(queue::branch_local_day(now, *m_impl->zone));
  store::TicketRepository tickets(m_impl->store.database());
  for (const auto& service : m_content.services.services) {
    const auto availability = queue::availability(service, now, *m_impl->zone);
    ServiceOption option;
    option.id = service.id;
    option.name = service.name.in(language);
    option.description = service.description.in(language);
    option.state = option_state(availability.state);
    option.next_opening = availability.next_opening;
    option.closes_at = availability.closes_at;
    try {
      option.waiting = static_cast<int>(tickets.waiting_count(service.id, today));
    } catch (const std::exception& error) {
      spdlog::warn("waiting count for {} unavailable: {}", service.id, error.what());
    }
    options.push_back(std::move(option));
  }
  return options;
}

namespace {

struct TicketPlan {
  const queue::Service* service = nullptr;
  std::string booking_code;
  std::optional<UtcTime> appointment_at;
};

}  // namespace

static DeskResult<IssuedTicket> issue(CustomerDesk::Impl& impl, const DeskContent& content,
                                      const TicketPlan& plan, const std::string& language) {
  DeskResult<IssuedTicket> result;
  const auto now = impl.now();
  const auto& service = *plan.service;
  const auto availability = queue::availability(service, now, *impl.zone);
  if (availability.state != queue::AvailabilityState::open) {
    result.problem = DeskProblem::service_closed;
    return result;
  }
  (void)content;
  IssuedTicket ticket;
  result.problem = impl.in_transaction("ticket", [&](store::Transaction& transaction) {
    store::TicketRepository tickets(impl.store.database());
    const auto today = queue::branch_local_day(now, *impl.zone);
    std::optional<queue::TicketCounter> last;
    if (auto stored = tickets.load_counter(transaction, service.id)) {
      if (auto day = parse_iso_day(stored->local_day))
        last = queue::TicketCounter{*day, stored->last_number};
    }
    const auto counter = queue::next_ticket(last, today);
    const auto day_text = iso_day(counter.day);
    const int ahead = static_cast<int>(tickets.waiting_count(service.id, day_text));
    std::vector<queue::ServiceSample> samples;
    const auto since = std::chrono::time_point_cast<std::chrono::milliseconds>(now - k_estimate_history);
    for (const auto& sample : tickets.service_samples_since(service.id, since)) {
      samples.push_back({std::chrono::floor<std::chrono::seconds>(sample.called_at),
                         std::chrono::duration_cast<std::chrono::seconds>(sample.service_duration),
                         sample.open_counters});
    }
    const int open_counters = open_counters_now(service, day_text, impl.store.database());
    const auto estimate = queue::estimate_wait(ahead, open_counters, samples, now, *impl.zone);

    ticket.id = impl.store.new_event_id(impl.clock.utc_now());
    ticket.number = queue::format_ticket_number(service.prefix, counter.last_number);
    ticket.service_id = service.id;
    ticket.service_name = service.name.in(language);
    ticket.people_ahead = ahead;
    ticket.wait = quoted(estimate);
    ticket.issued_at = now;
    ticket.appointment_at = plan.appointment_at;

    store::TicketRow row;
    row.id = ticket.id;
    row.service_id = service.id;
    row.local_day = day_text;
    row.number = counter.last_number;
    row.display = ticket.number;
    row.language = language;
    if (!plan.booking_code.empty())
      row.booking_code = plan.booking_code;
    row.issued_at = std::chrono::time_point_cast<std::chrono::milliseconds>(now);
    row.people_ahead = ahead;
    row.quote_kind = store_quote_kind(estimate.kind);
    if (estimate.kind == queue::WaitKind::range) {
      row.quote_low_min = static_cast<int>(estimate.low.count());
      row.quote_high_min = static_cast<int>(estimate.high.count());
    }
    tickets.save_counter(transaction, {service.id, day_text, counter.last_number});
    tickets.insert(transaction, row);
    if (!plan.booking_code.empty() &&
        !tickets.mark_booking_used(transaction, plan.booking_code, ticket.id, row.issued_at)) {
      throw std::runtime_error("booking " + plan.booking_code + " was checked in at the same moment");
    }

    nlohmann::json data{{"ticket_id", ticket.id},        {"service_id", service.id},
                        {"number", ticket.number},       {"local_day", day_text},
                        {"people_ahead", ahead},         {"language", language},
                        {"open_counters", open_counters}};
    data["quote"] = {{"kind", kind_name(estimate.kind)},
                     {"low_minutes", estimate.low.count()},
                     {"high_minutes", estimate.high.count()},
                     {"samples", estimate.sample_count}};
    if (!plan.booking_code.empty())
      data["booking_code"] = plan.booking_code;
    impl.store.outbox().append(transaction, impl.event("ticket.issued", std::move(data)));
  });
  if (result.problem == DeskProblem::none)
    result.value = std::move(ticket);
  return result;
}

DeskResult<IssuedTicket> CustomerDesk::issue_ticket(const std::string& service_id,
                                                    const std::string& language) {
  const auto* service = m_content.services.find(service_id);
  if (service == nullptr)
    return {std::nullopt, DeskProblem::invalid_input, std::nullopt};
  return issue(*m_impl, m_content, {service, {}, std::nullopt}, language);
}

DeskResult<IssuedTicket> CustomerDesk::check_in_booking(const std::string& typed_code,
                                                        const std::string& language) {
  const auto now = m_impl->now();
  const auto code = queue::normalize_booking_code(typed_code);
  bool used = false;
  if (code) {
    try {
      used = store::TicketRepository(m_impl->store.database()).find_used_booking(*code).has_value();
    } catch (const std::exception& error) {
      spdlog::error("booking lookup failed: {}", error.what());
      return {std::nullopt, DeskProblem::store_failed, std::nullopt};
    }
  }
  const auto check = queue::check_booking(m_content.bookings, typed_code, now, used);
  switch (check.result) {
    case queue::BookingResult::unknown_code:
      return {std::nullopt, DeskProblem::booking_unknown, std::nullopt};
    case queue::BookingResult::too_early:
      return {std::nullopt, DeskProblem::booking_too_early, std::nullopt};
    case queue::BookingResult::too_late:
      return {std::nullopt, DeskProblem::booking_too_late, std::nullopt};
    case queue::BookingResult::already_used:
      return {std::nullopt, DeskProblem::booking_used, std::nullopt};
    case queue::BookingResult::ok:
      break;
  }
  const auto* service = m_content.services.find(check.booking->service_id);
  if (service == nullptr)
    return {std::nullopt, DeskProblem::booking_unknown, std::nullopt};
  return issue(*m_impl, m_content, {service, check.booking->code, check.booking->at}, language);
}

std::optional<std::string> CustomerDesk::service_of_ticket(const std::string& number) const {
  const auto today = iso_day(queue::branch_local_day(m_impl->now(), *m_impl->zone));
  std::string canonical;
  for (const char c : number) {
    if (c == ' ' || c == '-')
      continue;
    canonical.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  try {
    auto found = store::TicketRepository(m_impl->store.database()).find_by_display(today, canonical);
    if (found)
      return found->service_id;
  } catch (const std::exception& error) {
    spdlog::warn("ticket lookup failed: {}", error.what());
  }
  return std::nullopt;
}

}  // namespace kiosk::app
