#pragma once
// The services behind the customer flows, wired for one kiosk: the desk (store-backed) and the printer.
// The composition root builds them once and attaches them to the KioskApp; they must outlive it.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/catalogs.hpp"
#include "app/config.hpp"
#include "app/content_updates.hpp"
#include "app/customer_desk.hpp"
#include "app/print_coordinator.hpp"
#include "app/staff_desk.hpp"

namespace kiosk::platform {
class Clock;
class ManualClock;
}  // namespace kiosk::platform
namespace kiosk::store {
class Store;
}

namespace kiosk::app {

class KioskApp;

struct KioskServices {
  KioskServices();
  ~KioskServices();
  KioskServices(KioskServices&&) noexcept;
  KioskServices& operator=(KioskServices&&) noexcept;

  std::unique_ptr<CustomerDesk> desk;          // null without a store
  std::unique_ptr<PrintCoordinator> printing;  // null without a desk
  // Content from head office waiting for the UI thread (null without a desk). The sync side offers into
  // it from its own thread; the app takes from it between customers.
  std::unique_ptr<PendingContent> content_updates;
  std::unique_ptr<StaffDesk> staff;   // null without a desk
  std::vector<std::string> problems;  // content files that could not be used, for the log

  void attach_to(KioskApp& app) const;
};

// Builds the desk on `store` (may be null: then nothing is built) with content from `assets_dir` and the
// PII key under `data_dir`/keys, the printer from the config, and the staff desk (exports under
// staff.export_dir, relative to `data_dir`).
KioskServices make_kiosk_services(store::Store* store, const KioskConfig& config,
                                  const std::filesystem::path& assets_dir,
                                  const std::filesystem::path& data_dir, const platform::Clock& clock,
                                  const LanguageCatalogs& catalogs);

// A throw-away kiosk for screenshots and previews: its own store in a fresh temporary folder (removed by
// the destructor), a clock fixed on a Tuesday at 10:00 branch time (so services are open and screenshots
// are stable), no printer. Production data is never touched.
class PreviewServices {
 public:
  PreviewServices(const KioskConfig& config, const std::filesystem::path& assets_dir,
                  const LanguageCatalogs& catalogs);
  ~PreviewServices();
  PreviewServices(const PreviewServices&) = delete;
  PreviewServices& operator=(const PreviewServices&) = delete;

  const KioskServices& services() const { return m_services; }

 private:
  std::filesystem::path m_dir;
  std::unique_ptr<platform::ManualClock> m_clock;
  std::unique_ptr<store::Store> m_store;
  KioskServices m_services;
};

}  // namespace kiosk::app
