#include "domain/counters/ticket_flow.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "domain/counters/call_order.hpp"
#include "messages.hpp"

namespace kiosk::domain::counters {
namespace {

template <class T>
CounterResult<T> refuse(CounterProblem problem) {
  return CounterResult<T>::failure(std::move(problem));
}

}  // namespace

std::optional<CounterProblem> check_call(const CounterState& counter, const TicketQueueEntry& ticket) {
  if (!counter.open) {
    return CounterProblem{CounterError::counter_closed,
                          fmt::format("counter {} is closed; open it before calling {}", counter.id,
                                      detail::ticket_name(ticket))};
  }
  if (std::find(counter.services.begin(), counter.services.end(), ticket.service_id) ==
      counter.services.end()) {
    return CounterProblem{CounterError::not_served_here,
                          fmt::format("counter {} does not serve \"{}\", the service of {}", counter.id,
                                      ticket.service_id, detail::ticket_name(ticket))};
  }
  if (ticket.status != TicketStatus::waiting) {
    return CounterProblem{CounterError::not_waiting, detail::why_not_waiting(ticket, counter.id)};
  }
  return std::nullopt;
}

std::optional<CounterProblem> check_called_here(int counter_id, const TicketQueueEntry& ticket) {
  if (ticket.status == TicketStatus::called && ticket.counter == counter_id) {
    return std::nullopt;
  }
  const std::string name = detail::ticket_name(ticket);
  if (ticket.status == TicketStatus::called && ticket.counter) {
    return CounterProblem{
        CounterError::not_called_here,
        fmt::format("{} is called by counter {}, not by counter {}", name, *ticket.counter, counter_id)};
  }
  if (ticket.status == TicketStatus::waiting) {
    return CounterProblem{CounterError::not_called_here,
                          fmt::format("{} is still waiting; counter {} has not called it", name, counter_id)};
  }
  if (ticket.status == TicketStatus::called) {
    return CounterProblem{CounterError::not_called_here, name + " is called by no known counter"};
  }
  return CounterProblem{CounterError::not_called_here, detail::why_not_waiting(ticket, counter_id)};
}

CounterResult<TicketQueueEntry> call_ticket(const CounterState& counter, const TicketQueueEntry& ticket,
                                            EventTime now) {
  if (auto problem = check_call(counter, ticket)) {
    return refuse<TicketQueueEntry>(std::move(*problem));
  }
  TicketQueueEntry called = ticket;
  called.status = TicketStatus::called;
  called.counter = counter.id;
  called.called_at = now;
  return CounterResult<TicketQueueEntry>::success(std::move(called));
}

CounterResult<NextCall> call_next(const CounterState& counter, std::span<const TicketQueueEntry> tickets,
                                  EventTime now) {
  auto chosen = choose_next(counter, tickets);
  if (!chosen.ok()) {
    return refuse<NextCall>(std::move(*chosen.problem));
  }
  auto called = call_ticket(counter, tickets[*chosen.value], now);
  if (!called.ok()) {
    return refuse<NextCall>(std::move(*called.problem));
  }
  return CounterResult<NextCall>::success(NextCall{*chosen.value, std::move(*called.value)});
}

CounterResult<TicketQueueEntry> recall_ticket(int counter_id, const TicketQueueEntry& ticket) {
  if (auto problem = check_called_here(counter_id, ticket)) {
    return refuse<TicketQueueEntry>(std::move(*problem));
  }
  return CounterResult<TicketQueueEntry>::success(ticket);
}

CounterResult<TicketQueueEntry> requeue_ticket(int counter_id, const TicketQueueEntry& ticket) {
  if (auto problem = check_called_here(counter_id, ticket)) {
    return refuse<TicketQueueEntry>(std::move(*problem));
  }
  TicketQueueEntry waiting = ticket;
  waiting.status = TicketStatus::waiting;
  waiting.counter.reset();
  waiting.called_at.reset();
  return CounterResult<TicketQueueEntry>::success(std::move(waiting));
}

CounterResult<TicketQueueEntry> finish_ticket(int counter_id, const TicketQueueEntry& ticket,
                                              Outcome outcome) {
  if (auto problem = check_called_here(counter_id, ticket)) {
    return refuse<TicketQueueEntry>(std::move(*problem));
  }
  TicketQueueEntry finished = ticket;
  finished.status = outcome == Outcome::served ? TicketStatus::served : TicketStatus::no_show;
  return CounterResult<TicketQueueEntry>::success(std::move(finished));
}

CounterResult<Transfer> transfer_ticket(int counter_id, const TicketQueueEntry& ticket,
                                        const TransferRequest& request,
                                        std::span<const std::string> known_service_ids) {
  using Result = CounterResult<Transfer>;
  if (auto problem = check_called_here(counter_id, ticket)) {
    return refuse<Transfer>(std::move(*problem));
  }
  const std::string name = detail::ticket_name(ticket);
  if (std::find(known_service_ids.begin(), known_service_ids.end(), request.to_service_id) ==
      known_service_ids.end()) {
    return Result::failure(
        CounterError::unknown_service,
        fmt::format("cannot transfer {}: there is no service \"{}\"", name, request.to_service_id));
  }
  if (request.to_service_id == ticket.service_id) {
    return Result::failure(CounterError::same_service,
                           fmt::format("{} already waits for \"{}\"; put it back in the "
                                       "queue instead of transferring it",
                                       name, ticket.service_id));
  }
  if (request.new_ticket_id.empty() || request.new_ticket_id == ticket.ticket_id) {
    return Result::failure(CounterError::missing_ticket_id,
                           fmt::format("cannot transfer {}: the new queue entry needs its own id", name));
  }
  Transfer transfer{ticket, ticket};
  transfer.closed.status = TicketStatus::transferred;

  TicketQueueEntry& created = transfer.created;
  created.ticket_id = request.new_ticket_id;
  created.service_id = request.to_service_id;
  created.is_appointment = false;
  created.status = TicketStatus::waiting;
  created.counter.reset();
  created.called_at.reset();
  created.transferred_from = ticket.ticket_id;
  return Result::success(std::move(transfer));
}

}  // namespace kiosk::domain::counters
