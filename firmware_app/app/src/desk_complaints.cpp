// Complaints at the desk: validation, priority, business-day deadlines, reference and lookup code, and the
// complaint with its sealed outbox event in one transaction. Lookups are rate-limited across restarts.
#include "desk_impl.hpp"
#include "domain/complaints/contact.hpp"
#include "domain/complaints/lookup_limiter.hpp"
#include "domain/complaints/reference.hpp"
#include "domain/complaints/status.hpp"
#include "store/complaint_repository.hpp"
#include "store/lookup_limiter_store.hpp"

namespace kiosk::app {
namespace {

namespace complaints = domain::complaints;

// Which consent text the customer agreed to: bump it whenever the consent sentence in the catalogs changes.
constexpr std::string_view k_consent_text_version = "contact-consent-2026-11";

complaints::ComplaintDraft draft_of(const ComplaintSubmission& submission) {
  complaints::ComplaintDraft draft;
  draft.product_id = submission.product_id;
  draft.issue_id = submission.issue_id;
  draft.description = submission.description;
  draft.desired_outcome = submission.desired_outcome;
  draft.contact = {submission.name, submission.phone, submission.email};
  draft.consent_given = submission.consent;
  draft.needs_extra_help = submission.extra_help;
  return draft;
}

nlohmann::json limiter_to_json(const complaints::LookupLimiterState& state) {
  nlohmann::json failures = nlohmann::json::array();
  for (const auto at : state.recent_failures)
    failures.push_back(at.time_since_epoch().count());
  nlohmann::json json{{"failures", failures}, {"lockouts", state.lockouts}};
  if (state.locked_until)
    json["locked_until"] = state.locked_until->time_since_epoch().count();
  return json;
}

complaints::LookupLimiterState limiter_from_json(const std::string& text) {
  complaints::LookupLimiterState state;
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object())
    return state;
  using Seconds = std::chrono::sys_seconds;
  if (auto failures = json.find("failures"); failures != json.end() && failures->is_array()) {
    for (const auto& at : *failures) {
      if (at.is_number_integer())
        state.recent_failures.push_back(Seconds{std::chrono::seconds{at.get<std::int64_t>()}});
    }
  }
  if (auto locked = json.find("locked_until"); locked != json.end() && locked->is_number_integer()) {
    state.locked_until = Seconds{std::chrono::seconds{locked->get<std::int64_t>()}};
  }
  if (auto lockouts = json.find("lockouts"); lockouts != json.end() && lockouts->is_number_integer()) {
    state.lockouts = lockouts->get<int>();
  }
  return state;
}

}  // namespace

DeskResult<ComplaintReceipt> CustomerDesk::submit_complaint(const ComplaintSubmission& submission) {
  auto& impl = *m_impl;
  if (!impl.cipher)
    return {std::nullopt, DeskProblem::store_failed, std::nullopt};
  const auto draft = draft_of(submission);
  if (!complaints::validate_draft(draft, m_content.taxonomy).empty()) {
    return {std::nullopt, DeskProblem::invalid_input, std::nullopt};
  }
  const auto now = impl.now();
  const auto deadlines = complaints::complaint_deadlines(now, *impl.zone, impl.calendar,
                                                         impl.config.complaints.acknowledge_business_days,
                                                         impl.config.complaints.final_response_business_days);
  const auto priority =
      complaints::classify_priority(impl.priority_rules, submission.issue_id, submission.extra_help);
  ComplaintReceipt receipt;
  receipt.received_at = now;
  receipt.acknowledge_by = deadlines.acknowledge.due;
  receipt.final_response_by = deadlines.final_response.due;
  receipt.high_priority = priority == complaints::Priority::high;
  receipt.lookup_code = complaints::generate_lookup_code(impl.random);

  const auto problem = impl.in_transaction("complaint", [&](store::Transaction& transaction) {
    store::ComplaintRepository repository(impl.store.database());
    const auto seq = repository.allocate_seq(transaction);
    receipt.id = impl.store.new_event_id(impl.clock.utc_now());
    receipt.reference =
        complaints::format_reference(impl.kiosk_code, static_cast<std::uint64_t>(seq)).value_or("");
    const auto stamp = [](UtcTime instant) {
      return std::chrono::time_point_cast<std::chrono::milliseconds>(instant);
    };
    store::NewComplaint row;
    auto& record = row.record;
    record.id = receipt.id;
    record.seq = seq;
    record.reference = receipt.reference;
    record.product_id = submission.product_id;
    record.issue_id = submission.issue_id;
    record.taxonomy_version = m_content.taxonomy.version;
    record.priority = std::string(complaints::to_string(priority));
    record.language = submission.language;
    record.received_at = stamp(now);
    record.ack_due_at = stamp(receipt.acknowledge_by);
    record.final_due_at = stamp(receipt.final_response_by);
    record.needs_extra_help = submission.extra_help;
    record.consent_given = submission.consent;
    if (submission.consent)
      record.consent_text_version = std::string(k_consent_text_version);
    record.status = "received";
    record.status_updated_at = stamp(now);
    row.pii = store::ComplaintPii{submission.description, submission.desired_outcome, submission.name,
                                  submission.phone, submission.email};
    row.lookup_code = receipt.lookup_code;
    repository.insert(transaction, row, *impl.cipher);

    nlohmann::json data{
        {"complaint_id", receipt.id},
        {"reference", receipt.reference},
        {"product_id", submission.product_id},
        {"issue_id", submission.issue_id},
        {"taxonomy_version", m_content.taxonomy.version},
        {"priority", complaints::to_string(priority)},
        {"language", submission.language},
        {"received_at", rfc3339(now)},
        {"acknowledge_by", rfc3339(receipt.acknowledge_by)},
        {"final_response_by", rfc3339(receipt.final_response_by)},
        {"needs_extra_help", submission.extra_help},
        {"consent",
         {{"given", submission.consent}, {"text_version", record.consent_text_version.value_or("")}}},
        {"description", submission.description},
        {"desired_outcome", submission.desired_outcome},
        {"contact", {{"name", submission.name}, {"phone", submission.phone}, {"email", submission.email}}},
        {"context", submission.context}};
    impl.store.outbox().append(transaction, impl.event("complaint.submitted", std::move(data)),
                               impl.cipher.get());
  });
  if (problem != DeskProblem::none)
    return {std::nullopt, problem, std::nullopt};
  spdlog::info("complaint {} stored ({} priority)", receipt.reference,
               receipt.high_priority ? "high" : "normal");
  return {std::move(receipt), DeskProblem::none, std::nullopt};
}

DeskResult<ComplaintStatusView> CustomerDesk::look_up_complaint(const std::string& reference,
                                                                const std::string& code) {
  auto& impl = *m_impl;
  if (!impl.cipher)
    return {std::nullopt, DeskProblem::store_failed, std::nullopt};
  const auto now = impl.now();
  store::LookupLimiterStore limiter_store(impl.store.database());
  complaints::LookupLimiterState state;
  try {
    state = limiter_from_json(limiter_store.load().value_or("{}"));
  } catch (const std::exception& error) {
    spdlog::error("lookup limiter state unreadable: {}", error.what());
  }
  const auto check = complaints::check_lookup_allowed(state, now);
  if (check.verdict == complaints::LookupVerdict::locked) {
    return {std::nullopt, DeskProblem::lookup_locked, now + check.wait};
  }
  std::optional<store::ComplaintRecord> found;
  bool matches = false;
  try {
    store::ComplaintRepository repository(impl.store.database());
    if (const auto parsed = complaints::parse_reference(reference)) {
      const auto canonical = complaints::format_reference(parsed->kiosk_code, parsed->seq).value_or("");
      found = repository.find_by_reference(canonical);
    }
    matches = found && repository.lookup_code_matches(found->id, code, *impl.cipher);
  } catch (const std::exception& error) {
    spdlog::error("complaint lookup failed: {}", error.what());
    return {std::nullopt, DeskProblem::store_failed, std::nullopt};
  }
  DeskResult<ComplaintStatusView> result;
  if (!matches) {
    const auto after = complaints::record_lookup_failure(state, now);
    result.problem = after.verdict == complaints::LookupVerdict::locked ? DeskProblem::lookup_locked
                                                                        : DeskProblem::lookup_wrong;
    if (after.verdict == complaints::LookupVerdict::locked)
      result.retry_after = now + after.wait;
  } else {
    complaints::record_lookup_success(state, now);
  }
  try {
    limiter_store.save(limiter_to_json(state).dump());
  } catch (const std::exception& error) {
    spdlog::error("lookup limiter state not saved: {}", error.what());
  }
  if (!matches)
    return result;

  ComplaintStatusView view;
  view.complaint_id = found->id;
  view.reference = found->reference;
  view.status = found->status;
  const auto seconds = [](domain::EventTime at) { return std::chrono::floor<std::chrono::seconds>(at); };
  view.received_at = seconds(found->received_at);
  view.acknowledge_by = seconds(found->ack_due_at);
  view.final_response_by = seconds(found->final_due_at);
  try {
    store::ComplaintRepository repository(impl.store.database());
    for (const auto& entry : repository.status_history(found->id)) {
      view.history.push_back({entry.status, seconds(entry.at), entry.note});
    }
    view.resolution_answered = !repository.feedback_for(found->id, *impl.cipher).empty();
  } catch (const std::exception& error) {
    spdlog::error("complaint history unavailable: {}", error.what());
  }
  result.value = std::move(view);
  return result;
}

DeskProblem CustomerDesk::record_resolution(const std::string& complaint_id, const std::string& answer,
                                            const std::string& comment) {
  auto& impl = *m_impl;
  if (!impl.cipher)
    return DeskProblem::store_failed;
  if (answer != "yes" && answer != "partly" && answer != "no")
    return DeskProblem::invalid_input;
  const auto now = impl.now();
  return impl.in_transaction("complaint feedback", [&](store::Transaction& transaction) {
    store::ComplaintRepository repository(impl.store.database());
    const auto found = repository.find(complaint_id);
    if (!found)
      throw std::invalid_argument("no such complaint");
    const auto feedback_id = impl.store.new_event_id(impl.clock.utc_now());
    store::ComplaintFeedbackRow feedback;
    feedback.id = feedback_id;
    feedback.complaint_id = complaint_id;
    feedback.answer = answer;
    if (!comment.empty())
      feedback.comment = comment;
    feedback.at = std::chrono::time_point_cast<std::chrono::milliseconds>(now);
    repository.insert_feedback(transaction, feedback, *impl.cipher);
    nlohmann::json data{{"feedback_id", feedback_id},
                        {"complaint_id", complaint_id},
                        {"reference", found->reference},
                        {"answer", answer},
                        {"comment", comment}};
    impl.store.outbox().append(transaction, impl.event("complaint.resolution_feedback", std::move(data)),
                               impl.cipher.get());
  });
}

}  // namespace kiosk::app
