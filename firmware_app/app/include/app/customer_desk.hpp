#pragma once
// The customer desk: every durable thing a customer can do at the kiosk. Each submission is one SQLite
// transaction that writes the record AND its outbox event for head office; the call returns only after
// the commit is durable, so a confirmation on screen means the record survives a power cut.
//
// Guarantees:
// - Never throws. A refused step comes back as a DeskProblem; storage_full means nothing new was written
//   and nothing stored before was touched.
// - Ticket numbers restart at the branch-local midnight and are never issued twice (domain rule, counter
//   in the same transaction as the ticket).
// - Complaint text and contact details are sealed (AES-256-GCM) in the record and in its outbox event.
// - Survey answers carry no customer identifier; a repeat within 5 s is stored flagged, never dropped.
// - Lookups are rate-limited per kiosk across restarts; a wrong reference and a wrong code look the same.

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/config.hpp"
#include "app/content_updates.hpp"
#include "app/customer_desk_types.hpp"
#include "domain/announcements/announcements.hpp"
#include "domain/complaints/taxonomy.hpp"
#include "domain/queue/bookings.hpp"
#include "domain/queue/services.hpp"
#include "domain/surveys/definition.hpp"
#include "domain/surveys/runner.hpp"

namespace kiosk::platform {
class Clock;
}
namespace kiosk::store {
class Store;
class PiiCipher;
}  // namespace kiosk::store

namespace kiosk::app {

template <class T>
struct DeskResult {
  std::optional<T> value;
  DeskProblem problem = DeskProblem::none;
  std::optional<UtcTime> retry_after;  // lookup_locked: when the kiosk takes lookups again
  bool ok() const { return value.has_value(); }
};

// What the customer flows offer: loaded at start from assets, then replaced part by part by head-office
// bundles (content_updates.hpp).
struct DeskContent {
  domain::queue::ServiceCatalog services;
  std::vector<domain::queue::Booking> bookings;
  domain::complaints::Taxonomy taxonomy;
  std::map<std::string, domain::surveys::SurveyDefinition, std::less<>> surveys;  // by trigger
  domain::announcements::Announcements announcements;  // "You said, we did" on the attract screen
};

// Loads services, bookings, taxonomy, surveys and announcements from the assets folder. Every problem is
// collected with its file name; a broken file leaves its part empty (that flow is then not offered, no
// message is shown), never the kiosk down.
DeskContent load_desk_content(const std::filesystem::path& assets_dir, std::vector<std::string>& problems);

// Every text the content can put on screen (service names, taxonomy, survey questions and choices,
// announcements), so the font atlas bakes exactly those glyphs.
std::string content_glyph_text(const DeskContent& content);

struct ComplaintSubmission {
  std::string product_id;
  std::string issue_id;
  std::string description;
  std::string desired_outcome;
  std::string name;
  std::string phone;
  std::string email;
  bool consent = false;
  bool extra_help = false;
  std::string context;
  std::string language;
};

class CustomerDesk {
 public:
  CustomerDesk(store::Store& store, const KioskConfig& config, DeskContent content,
               const platform::Clock& clock, const std::filesystem::path& key_file);
  ~CustomerDesk();
  CustomerDesk(const CustomerDesk&) = delete;
  CustomerDesk& operator=(const CustomerDesk&) = delete;

  // Called on the UI thread after every durable commit (every submission writes an outbox event), so the
  // sync thread can send at once instead of at its next poll. It must be quick and must not throw.
  void set_commit_listener(std::function<void()> listener);
  // False when the PII key could not be loaded: complaints are then not offered.
  bool complaints_available() const;
  const DeskContent& content() const { return m_content; }
  // Replaces parts of the content with updates from head office, in the given order. UI thread only, and
  // only between customers: a session may be showing the services or the survey being replaced. A refused
  // update is logged and changes nothing. Returns how many were applied. The content object stays the
  // same (references to it, such as the print coordinator's, stay valid).
  std::size_t update_content(const std::vector<ContentUpdate>& updates);
  // The content check between customers (UI thread, same rule as update_content). Content whose bundle
  // has expired is dropped: its kind goes back to the still-valid updates applied before it (a branch's
  // bundle expires: the bank-wide one comes back), else to the assets. Announcements whose own end has
  // passed are removed. Each drop is logged. Returns true when the content changed.
  bool drop_expired_content();
  // The running config changed (a head-office config bundle; see app/runtime_config.hpp): complaints filed
  // from now on use its deadlines, holidays and priority issues. UI thread only, between customers.
  void apply_runtime_config(const KioskConfig& config);
  // The "You said, we did" messages to show now (window and branch-local weekday), in document order.
  // Pointers into content(); valid until the content next changes.
  std::vector<const domain::announcements::Announcement*> announcements_shown() const;

  std::vector<ServiceOption> services(const std::string& language) const;
  DeskResult<IssuedTicket> issue_ticket(const std::string& service_id, const std::string& language);
  DeskResult<IssuedTicket> check_in_booking(const std::string& typed_code, const std::string& language);

  DeskResult<ComplaintReceipt> submit_complaint(const ComplaintSubmission& submission);
  DeskResult<ComplaintStatusView> look_up_complaint(const std::string& reference, const std::string& code);
  DeskProblem record_resolution(const std::string& complaint_id, const std::string& answer,
                                const std::string& comment);

  // The service of today's ticket `number` ("A007"), for "rate your visit"; nullopt when unknown.
  std::optional<std::string> service_of_ticket(const std::string& number) const;
  // Stores a completed survey. Returns whether it was flagged as a probable repeat.
  DeskResult<bool> record_survey(const domain::surveys::CompletedSurvey& survey, const std::string& trigger,
                                 const std::string& service_id, const std::string& language);

  UtcTime now() const;
  const std::string& time_zone() const;

  // Defined in the desk's source files, which share it; not for callers.
  struct Impl;

 private:
  void remember_applied(const ContentUpdate& update);

  DeskContent m_content;
  DeskContent m_assets;  // what the kiosk started with: where an expired kind goes back to
  // Updates in use or to fall back to, oldest first: the newest of each kind and scope, a few per kind.
  std::vector<ContentUpdate> m_applied;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace kiosk::app
