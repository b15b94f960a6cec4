#include "app/print_coordinator.hpp"

#include <spdlog/spdlog.h>

#include <charconv>

#include "app/print_layout.hpp"
#include "domain/complaints/taxonomy.hpp"
#include "print/escpos_raster.hpp"
#include "print/print_mode.hpp"
#include "print/print_spooler.hpp"
#include "printer/transport.hpp"

namespace kiosk::app {
namespace {

printer::TransportKind transport_kind(PrinterTransport transport) {
  switch (transport) {
    case PrinterTransport::none:
      return printer::TransportKind::none;
    case PrinterTransport::file:
      return printer::TransportKind::file;
    case PrinterTransport::device:
      return printer::TransportKind::device;
    case PrinterTransport::tcp:
      return printer::TransportKind::tcp;
  }
  return printer::TransportKind::none;
}

print::PrintMode print_mode(PrintMode mode) {
  switch (mode) {
    case PrintMode::text:
      return print::PrintMode::text;
    case PrintMode::raster:
      return print::PrintMode::raster;
    case PrintMode::auto_select:
      return print::PrintMode::auto_select;
  }
  return print::PrintMode::auto_select;
}

}  // namespace

std::string print_state_text(const i18n::Catalog& catalog, PrintState state, PrintedThing thing) {
  switch (state) {
    case PrintState::not_configured:
      return thing == PrintedThing::ticket
                 ? std::string(catalog.tr("This kiosk has no printer: please note your number."))
                 : std::string(catalog.tr("This kiosk has no printer: please note your reference "
                                          "and code."));
    case PrintState::printing:
      return thing == PrintedThing::ticket ? std::string(catalog.tr("Printing your ticket..."))
                                           : std::string(catalog.tr("Printing your receipt..."));
    case PrintState::printed:
      return thing == PrintedThing::ticket ? std::string(catalog.tr("Please take your ticket."))
                                           : std::string(catalog.tr("Please take your receipt."));
    case PrintState::failed:
      return thing == PrintedThing::ticket
                 ? std::string(
                       catalog.tr("Printer unavailable - please note your number. Staff have been told."))
                 : std::string(catalog.tr(
                       "Printer unavailable - please note your reference and code. Staff have been told."));
  }
  return {};
}

PrintCoordinator::PrintCoordinator(const KioskConfig& config, const LanguageCatalogs& catalogs,
                                   const DeskContent& content)
    : m_config(config), m_catalogs(catalogs), m_content(content) {
  if (config.printer.transport == PrinterTransport::none)
    return;
  auto made = printer::make_transport(transport_kind(config.printer.transport), config.printer.target);
  if (!made.transport) {
    spdlog::error("printer not usable: {}", made.error);
    return;
  }
  const auto described = made.transport->describe();
  auto fonts = print::RasterFonts::load();
  if (!fonts.fonts)
    spdlog::warn("raster printing unavailable: {}", fonts.error);
  m_fonts = std::move(fonts.fonts);
  m_spooler = std::make_unique<print::PrintSpooler>(std::move(made.transport));
  spdlog::info("printer: {}", described);
}

PrintCoordinator::~PrintCoordinator() = default;

std::optional<std::uint64_t> PrintCoordinator::print_ticket(const IssuedTicket& ticket,
                                                            const std::string& language) {
  if (!m_spooler)
    return std::nullopt;
  const PrintContext context{m_catalogs.for_language(language), language, m_config.kiosk.bank_name,
                             m_config.kiosk.time_zone};
  return submit(ticket_document(context, ticket), language);
}

std::optional<std::uint64_t> PrintCoordinator::print_acknowledgement(const ComplaintReceipt& receipt,
                                                                     const ComplaintSubmission& submission) {
  if (!m_spooler)
    return std::nullopt;
  const auto& language = submission.language;
  const PrintContext context{m_catalogs.for_language(language), language, m_config.kiosk.bank_name,
                             m_config.kiosk.time_zone};
  std::string product_name = submission.product_id;
  std::string issue_name = submission.issue_id;
  if (const auto* product = domain::complaints::find_product(m_content.taxonomy, submission.product_id)) {
    product_name = product->name.in(language);
    if (const auto* issue = domain::complaints::find_issue(*product, submission.issue_id)) {
      issue_name = issue->name.in(language);
    }
  }
  return submit(acknowledgement_document(context, receipt, product_name, issue_name, submission.description,
                                         m_config.complaints.escalation_text),
                language);
}

std::optional<std::uint64_t> PrintCoordinator::submit(const print::Document& document,
                                                      const std::string& language) {
  const auto id = m_next_job++;
  auto encoded = print::encode_document(
      document, language, print_mode(m_config.printer.mode), m_fonts.get(),
      m_config.printer.paper_width_mm == 58 ? print::PaperWidth::mm58 : print::PaperWidth::mm80);
  if (!encoded.missing.empty()) {
    spdlog::info("print job {}: the code page lacks {} characters; printed as raster", id,
                 encoded.missing.size());
  }
  if (!encoded.ok()) {
    spdlog::error("print job {} not encodable: {}", id, encoded.error);
    m_jobs[id] = PrintState::failed;
    ++m_failed;
    return id;
  }
  const auto submitted = m_spooler->submit({std::to_string(id), std::move(encoded.bytes)});
  if (!submitted.accepted) {
    spdlog::error("print job {} refused: {}", id, submitted.message);
    m_jobs[id] = PrintState::failed;
    ++m_failed;
    return id;
  }
  m_jobs[id] = PrintState::printing;
  return id;
}

PrintState PrintCoordinator::state(std::optional<std::uint64_t> job) const {
  if (!m_spooler)
    return PrintState::not_configured;
  if (!job)
    return PrintState::failed;
  const auto found = m_jobs.find(*job);
  return found == m_jobs.end() ? PrintState::failed : found->second;
}

bool PrintCoordinator::poll() {
  if (!m_spooler)
    return false;
  bool changed = false;
  for (const auto& outcome : m_spooler->take_outcomes()) {
    std::uint64_t id = 0;
    const auto* end = outcome.job_id.data() + outcome.job_id.size();
    if (std::from_chars(outcome.job_id.data(), end, id).ptr != end)
      continue;
    auto found = m_jobs.find(id);
    if (found == m_jobs.end())
      continue;
    found->second = outcome.ok() ? PrintState::printed : PrintState::failed;
    if (!outcome.ok()) {
      ++m_failed;
      spdlog::warn("print job {} failed: {}", outcome.job_id, outcome.message);
    }
    changed = true;
  }
  // Keep the recent jobs only: a screen asks about the job of the customer in front of it.
  while (m_jobs.size() > 64)
    m_jobs.erase(m_jobs.begin());
  return changed;
}

bool PrintCoordinator::busy() const {
  for (const auto& [id, state] : m_jobs) {
    if (state == PrintState::printing)
      return true;
  }
  return false;
}

std::string PrintCoordinator::health_text() const {
  if (!m_spooler)
    return "no printer configured";
  const auto health = m_spooler->health();
  switch (health.state) {
    case print::PrinterState::unknown:
      return "printer not used yet";
    case print::PrinterState::ok:
      return "printer ok";
    case print::PrinterState::faulted:
      return "printer fault: " + health.last_fault;
  }
  return {};
}

PrinterHealthView PrintCoordinator::printer_health() const {
  PrinterHealthView view;
  if (!m_spooler)
    return view;
  const auto health = m_spooler->health();
  view.last_fault = health.last_fault;
  switch (health.state) {
    case print::PrinterState::unknown:
      view.condition = PrinterCondition::not_used_yet;
      break;
    case print::PrinterState::ok:
      view.condition = PrinterCondition::ok;
      break;
    case print::PrinterState::faulted:
      view.condition = PrinterCondition::faulted;
      view.faulted_since = health.since;
      break;
  }
  return view;
}

}  // namespace kiosk::app
