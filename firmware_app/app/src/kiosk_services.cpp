#include "app/kiosk_services.hpp"

#include <spdlog/spdlog.h>

#include <random>

#include "app/kiosk_app.hpp"
#include "platform/clock.hpp"
#include "store/store.hpp"

namespace kiosk::app {

KioskServices::KioskServices() = default;
KioskServices::~KioskServices() = default;
KioskServices::KioskServices(KioskServices&&) noexcept = default;
KioskServices& KioskServices::operator=(KioskServices&&) noexcept = default;

void KioskServices::attach_to(KioskApp& app) const {
  app.attach(desk.get(), printing.get());
  app.attach_content_updates(content_updates.get());
  app.attach_staff(staff.get());
}

KioskServices make_kiosk_services(store::Store* store, const KioskConfig& config,
                                  const std::filesystem::path& assets_dir,
                                  const std::filesystem::path& data_dir, const platform::Clock& clock,
                                  const LanguageCatalogs& catalogs) {
  KioskServices services;
  if (store == nullptr) {
    return services;
  }
  auto content = load_desk_content(assets_dir, services.problems);
  for (const auto& problem : services.problems) {
    spdlog::error("content not used: {}", problem);
  }
  services.desk = std::make_unique<CustomerDesk>(*store, config, std::move(content), clock,
                                                 data_dir / "keys" / "pii.key");
  services.printing = std::make_unique<PrintCoordinator>(config, catalogs, services.desk->content());
  services.content_updates = std::make_unique<PendingContent>();
  const auto export_dir =
      config.staff.export_dir.is_absolute() ? config.staff.export_dir : data_dir / config.staff.export_dir;
  services.staff = std::make_unique<StaffDesk>(*store, config, services.desk->content(), clock,
                                               data_dir / "keys" / "pii.key", export_dir);
  services.staff->attach_printer(services.printing.get());
  return services;
}

namespace {

std::filesystem::path make_scratch_dir() {
  std::random_device random;
  const auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto dir = base / ("branch-kiosk-preview-" + std::to_string(random()));
    std::error_code error;
    if (std::filesystem::create_directory(dir, error)) {
      std::filesystem::permissions(dir, std::filesystem::perms::owner_all, error);
      return dir;
    }
  }
  throw std::runtime_error("cannot create a temporary folder for the preview store");
}

// Tuesday 24 November 2026, 09:00 UTC: 10:00 in Oslo, inside every shipped service's opening hours.
constexpr std::chrono::sys_seconds k_preview_instant{std::chrono::seconds{1795510800}};

}  // namespace

PreviewServices::PreviewServices(const KioskConfig& config, const std::filesystem::path& assets_dir,
                                 const LanguageCatalogs& catalogs)
    : m_dir(make_scratch_dir()), m_clock(std::make_unique<platform::ManualClock>(k_preview_instant)) {
  store::OpenReport report;
  m_store = store::Store::open(m_dir / "preview.db", report);
  auto preview_config = config;
  preview_config.printer.transport = PrinterTransport::none;
  preview_config.printer.target.clear();
  m_services = make_kiosk_services(m_store.get(), preview_config, assets_dir, m_dir, *m_clock, catalogs);
}

PreviewServices::~PreviewServices() {
  m_services = {};
  m_store.reset();
  std::error_code ignored;
  std::filesystem::remove_all(m_dir, ignored);
}

}  // namespace kiosk::app
