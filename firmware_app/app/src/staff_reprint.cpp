// Reprinting a complaint's acknowledgement from the dashboard. The customer lost the receipt, so the
// reprint carries a NEW lookup code: whoever finds the lost one can no longer follow the complaint with it.
// The code is replaced and the reprint audited in one transaction, before anything is printed: a printer
// fault then leaves staff the new code on screen, never a receipt whose code does not work.

#include <spdlog/spdlog.h>

#include <algorithm>

#include "app/staff_desk.hpp"
#include "device_random.hpp"
#include "domain/complaints/reference.hpp"
#include "platform/clock.hpp"
#include "store/complaint_repository.hpp"
#include "store/pii_cipher.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"

namespace kiosk::app {
namespace {

UtcTime seconds(domain::EventTime instant) {
  return std::chrono::time_point_cast<std::chrono::seconds>(instant);
}

}  // namespace

void StaffDesk::show_complaints_from(std::size_t first) {
  const std::size_t open = m_dashboard ? m_dashboard->complaints.open_by_deadline.size() : 0;
  m_complaints_from = open == 0 ? 0 : std::min(first, open - 1);
}

std::optional<AcknowledgementReprint> StaffDesk::reprint_acknowledgement(std::string_view complaint_id) {
  const bool listed = std::any_of(m_complaint_facts.begin(), m_complaint_facts.end(),
                                  [&](const auto& fact) { return fact.id == complaint_id; });
  if (!unlocked() || !listed || complaint_id.empty()) {
    spdlog::warn("staff: reprint refused: the complaint is not on the dashboard");
    return std::nullopt;
  }
  if (!m_cipher) {
    spdlog::error("staff: reprint refused: the PII key is not loaded, so no lookup code can be stored");
    return std::nullopt;
  }
  try {
    store::ComplaintRepository repository(m_store.database());
    const auto record = repository.find(complaint_id);
    if (!record) {
      spdlog::warn("staff: reprint refused: the complaint is no longer stored");
      return std::nullopt;
    }
    AcknowledgementReprint reprint;
    DeviceRandom random;
    auto& receipt = reprint.receipt;
    receipt.id = record->id;
    receipt.reference = record->reference;
    receipt.lookup_code = domain::complaints::generate_lookup_code(random);
    receipt.received_at = seconds(record->received_at);
    receipt.acknowledge_by = seconds(record->ack_due_at);
    receipt.final_response_by = seconds(record->final_due_at);
    receipt.high_priority = record->priority == "high";
    receipt.reprinted_at = std::chrono::floor<std::chrono::seconds>(m_clock.utc_now());
    auto& details = reprint.details;
    details.product_id = record->product_id;
    details.issue_id = record->issue_id;
    details.language = record->language;
    if (const auto pii = repository.open_pii(record->id, *m_cipher)) {
      details.description = pii->description;
    }
    store::Transaction transaction(m_store.database());
    repository.replace_lookup_code(transaction, record->id, receipt.lookup_code, *m_cipher);
    append_audit(transaction, domain::staff::StaffAction::acknowledgement_reprinted, m_actor,
                 domain::staff::complaint_target(record->reference));
    transaction.commit();
    spdlog::info("staff: acknowledgement of {} reprinted with a new lookup code", record->reference);
    m_last_reprint = LastReprint{record->reference, receipt.lookup_code, std::nullopt};
    return reprint;
  } catch (const std::exception& error) {
    spdlog::error("staff: reprint failed, the old lookup code stays: {}", error.what());
    return std::nullopt;
  }
}

void StaffDesk::reprint_sent(std::optional<std::uint64_t> print_job) {
  if (m_last_reprint) {
    m_last_reprint->print_job = print_job;
  }
}

}  // namespace kiosk::app
