#pragma once
// Printing for the customer flows: lays out tickets and complaint acknowledgements in the customer's
// language, encodes them for the configured printer (text or raster) and hands them to the spooler, which
// prints on its own thread. The UI thread never waits for paper: it asks state() each frame and poll()
// collects outcomes, so "printer unavailable - please note your number" appears as soon as it is known.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "app/catalogs.hpp"
#include "app/config.hpp"
#include "app/customer_desk.hpp"
#include "app/customer_desk_types.hpp"
#include "app/device_health.hpp"

namespace kiosk::print {
class PrintSpooler;
class RasterFonts;
class Document;
}  // namespace kiosk::print

namespace kiosk::app {

enum class PrintedThing { ticket, acknowledgement };

// What the customer reads about a print job.
std::string print_state_text(const i18n::Catalog& catalog, PrintState state, PrintedThing thing);

class PrintCoordinator {
 public:
  // `catalogs` must outlive the coordinator. With printer.transport = none nothing is printed and every
  // state is not_configured.
  PrintCoordinator(const KioskConfig& config, const LanguageCatalogs& catalogs, const DeskContent& content);
  ~PrintCoordinator();
  PrintCoordinator(const PrintCoordinator&) = delete;
  PrintCoordinator& operator=(const PrintCoordinator&) = delete;

  std::optional<std::uint64_t> print_ticket(const IssuedTicket& ticket, const std::string& language);
  std::optional<std::uint64_t> print_acknowledgement(const ComplaintReceipt& receipt,
                                                     const ComplaintSubmission& submission);

  // The running config changed (a head-office config bundle): acknowledgements printed from now on carry
  // its escalation text. The printer itself stays as opened at start. UI thread, between customers.
  void apply_runtime_config(const KioskConfig& config) { m_config.complaints = config.complaints; }

  PrintState state(std::optional<std::uint64_t> job) const;
  // Collects finished jobs. True when any job's state changed (the screen must be redrawn).
  bool poll();
  // True while a job is queued or printing.
  bool busy() const;
  // The printer's state for staff and logs: "ok", or the last fault with its time.
  std::string health_text() const;
  // The same for the staff dashboard, to be translated there.
  PrinterHealthView printer_health() const;
  // The last print document's bytes (for tests and `simulate` summaries).
  std::uint64_t jobs_submitted() const { return m_next_job - 1; }
  std::uint64_t jobs_failed() const { return m_failed; }

 private:
  std::optional<std::uint64_t> submit(const print::Document& document, const std::string& language);

  KioskConfig m_config;
  const LanguageCatalogs& m_catalogs;
  const DeskContent& m_content;
  std::shared_ptr<const print::RasterFonts> m_fonts;  // null: raster mode unavailable (text still prints)
  std::unique_ptr<print::PrintSpooler> m_spooler;
  std::map<std::uint64_t, PrintState> m_jobs;
  std::uint64_t m_next_job = 1;
  std::uint64_t m_failed = 0;
};

}  // namespace kiosk::app
