#include "domain/dashboard/complaint_figures.hpp"

#include <algorithm>
#include <chrono>
#include <string_view>
#include <tuple>

namespace kiosk::domain::dashboard {
namespace {

using complaints::ComplaintStatus;

constexpr std::chrono::hours k_due_soon{24};

// Complaints are few (tens a month), so the per-key counts live in a small vector searched linearly.
ComplaintCount& entry(std::vector<ComplaintCount>& counts, std::string_view product, std::string_view issue) {
  const auto found = std::find_if(counts.begin(), counts.end(), [&](const ComplaintCount& c) {
    return c.product == product && c.issue == issue;
  });
  if (found != counts.end()) {
    return *found;
  }
  return counts.emplace_back(ComplaintCount{std::string(product), std::string(issue), 0, 0});
}

void sort_counts(std::vector<ComplaintCount>& counts) {
  std::sort(counts.begin(), counts.end(), [](const ComplaintCount& a, const ComplaintCount& b) {
    return std::tie(b.open, b.new_today, a.product, a.issue) <
           std::tie(a.open, a.new_today, b.product, b.issue);
  });
}

void count_category(ComplaintFigures& figures, const ComplaintFact& complaint, bool open, bool new_today) {
  ComplaintCount& product = entry(figures.by_product, complaint.product, {});
  ComplaintCount& issue = entry(figures.by_issue, complaint.product, complaint.issue);
  for (ComplaintCount* count : {&product, &issue}) {
    count->open += open ? 1 : 0;
    count->new_today += new_today ? 1 : 0;
  }
}

}  // namespace

bool deadline_passed(EventTime due, EventTime now) {
  return now >= due + std::chrono::seconds{1};
}

DeadlineState deadline_state(const ComplaintFact& complaint, EventTime now) {
  if (deadline_passed(complaint.final_due, now)) {
    return DeadlineState::overdue;
  }
  if (complaint.status == ComplaintStatus::received && deadline_passed(complaint.ack_due, now)) {
    return DeadlineState::ack_overdue;
  }
  if (complaint.final_due - now < k_due_soon) {
    return DeadlineState::due_within_day;
  }
  return DeadlineState::on_time;
}

ComplaintFigures complaint_figures(std::span<const ComplaintFact> complaints, const LocalDayWindow& today,
                                   EventTime now) {
  ComplaintFigures figures;
  for (std::size_t i = 0; i < complaints.size(); ++i) {
    const ComplaintFact& complaint = complaints[i];
    const bool open = complaints::is_open(complaint.status);
    const bool new_today = today.contains(complaint.received_at);
    figures.new_today += new_today ? 1 : 0;
    if (complaint.resolved_at && today.contains(*complaint.resolved_at)) {
      ++figures.resolved_today;
    }
    if (open || new_today) {
      count_category(figures, complaint, open, new_today);
    }
    if (!open) {
      continue;
    }
    ++figures.open;
    figures.open_by_deadline.push_back(i);
    if (complaint.status == ComplaintStatus::received && deadline_passed(complaint.ack_due, now)) {
      ++figures.ack_overdue;
    }
    if (deadline_passed(complaint.final_due, now)) {
      ++figures.overdue;
    } else if (complaint.final_due - now < k_due_soon) {
      ++figures.due_within_day;
    }
  }
  sort_counts(figures.by_product);
  sort_counts(figures.by_issue);
  std::sort(figures.open_by_deadline.begin(), figures.open_by_deadline.end(),
            [&](std::size_t a, std::size_t b) {
              return std::tie(complaints[a].final_due, complaints[a].received_at, a) <
                     std::tie(complaints[b].final_due, complaints[b].received_at, b);
            });
  return figures;
}

}  // namespace kiosk::domain::dashboard
