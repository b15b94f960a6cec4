#pragma once
// The kiosk's application state and rules, with no drawing and no SDL: it builds the view-model for
// the current frame and applies the intents the screens emitted. The UI runner owns one of these.
//
// Guarantees: intents that do not fit the current screen are ignored (a late tap never crashes or
// jumps); leaving a customer session (idle timeout, start over) resets all customer state at once;
// while out of service, customer intents are ignored.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "app/catalogs.hpp"
#include "app/config.hpp"
#include "app/intents.hpp"
#include "app/runtime_config.hpp"
#include "app/session.hpp"
#include "app/view_models.hpp"
#include "domain/idle_timer.hpp"
#include "domain/queue/services.hpp"
#include "domain/staff/corner_hold.hpp"

namespace kiosk::app {

class CustomerDesk;
class NowServingFeed;
class PendingContent;
class PrintCoordinator;
class StaffDesk;

enum class PointerPhase { down, move, up };

class KioskApp {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  KioskApp(KioskConfig config, LanguageCatalogs catalogs, TimePoint now);

  // Connects the customer flows: the desk stores what customers do, the coordinator prints. Both may be
  // null (store unavailable, no printer); the app then offers only what works. Both must outlive the app.
  void attach(CustomerDesk* desk, PrintCoordinator* printing);
  // Where content from head office waits (may be null; must outlive the app). The app hands it to the
  // desk on the UI thread, only while no customer is at the screen (attract or out of service), so a
  // session never sees its services or survey change under it.
  void attach_content_updates(PendingContent* pending);
  // Config bundles from head office (kind "config", app/runtime_config.hpp), such as those stored before a
  // restart: each replaces its scope's layer over kiosk.toml, and the result goes to every part that holds
  // a setting (apply_runtime_config). UI thread, and only between customers: the content check calls it
  // with what PendingContent brings, the composition root at start.
  void update_runtime_config(const std::vector<ContentUpdate>& updates);
  // Counts content swaps (and config changes, which may bring new text), so the UI knows when to bake the
  // glyphs new content needs.
  std::uint64_t content_generation() const { return m_content_generation; }
  // Every text the desk's current content can put on screen (empty without a desk).
  std::string content_glyph_text() const;
  // Connects staff mode (may be null: no staff mode). Must outlive the app.
  void attach_staff(StaffDesk* staff);
  // Makes this app the now-serving display (`run --role display`): the screen is the feed's view, touches
  // are ignored, tick() polls the feed. Null returns to the customer kiosk. Must outlive the app.
  // `services` names the calls' services (a display may have no desk); empty: the desk's catalog if any.
  void attach_now_serving(NowServingFeed* feed, domain::queue::ServiceCatalog services = {});
  bool display_role() const { return m_now_serving != nullptr; }

  // Every pointer event, in display-normalised coordinates (0..1 from the top left), before the screens
  // see it: the staff corner hold is a gesture no screen draws. Returns true when the screen changes.
  bool pointer(PointerPhase phase, float x, float y, TimePoint now);

  // Shows the out-of-service screen; `staff_reason` is technical text for staff, shown small.
  void enter_out_of_service(std::string staff_reason);
  void leave_out_of_service(TimePoint now);
  bool out_of_service() const { return m_out_of_service_reason.has_value(); }

  FrameVm view_model(TimePoint now) const;

  // Applies the intents of one frame. Returns true when anything visible changed.
  bool apply(const Intents& intents, TimePoint now);
  // Advances timers (idle warning and wipe, attract language and announcement cycle) and, between
  // customers, runs the content check (new content from head office, expired content dropped). Returns
  // true when anything visible changed, so the runner draws a frame only then.
  bool tick(TimePoint now);
  // The next instant at which tick() could change something: the runner sleeps until then.
  TimePoint next_wake(TimePoint now) const;

  const CustomerSession& session() const { return m_session; }
  const KioskConfig& config() const { return m_config; }

  // A small panel (an ATM's 800x480) shows a survey page one question at a time. The UI says which
  // kind of panel it draws on; the flows decide what that means.
  void set_small_display(bool small) { m_small_display = small; }
  const LanguageCatalogs& catalogs() const { return m_catalogs; }

  // Puts the app into a given screen and language, for screenshots and previews.
  // Turns on accessibility mode and/or the idle warning over whatever screen the session is on (for
  // screenshots of flow screens reached with drive_to_screen).
  void preview_overlays(bool accessibility, bool idle_warning, TimePoint now);
  void preview(ScreenId screen, const std::string& language, bool accessibility, bool idle_warning,
               TimePoint now);

 private:
  struct VisibleTimers {
    std::size_t attract_language = 0;
    std::string attract_announcement;  // id of the message shown, empty for none
    domain::IdlePhase idle_phase = domain::IdlePhase::active;
    int seconds_left = 0;
    friend bool operator==(const VisibleTimers&, const VisibleTimers&) = default;
  };

  void apply_one(const Intent& intent, TimePoint now);
  bool apply_flow_intent(const Intent& intent, TimePoint now);
  void fill_flow_vm(const i18n::Catalog& catalog, FrameVm& vm) const;
  PrivacyVm privacy_vm(const i18n::Catalog& catalog) const;
  bool adopt_pending_content();
  // The one path by which the running config reaches its holders: this app (idle timer, languages,
  // attract cycle, contrast), the desk and the printing (complaint rules) and staff mode (PIN slots).
  void apply_runtime_config();
  void start_session(TimePoint now);
  void end_session(TimePoint now);
  bool in_customer_session() const;
  bool staff_screen_shown() const;
  bool open_staff_pin(TimePoint now);
  TimePoint customer_next_wake(TimePoint now) const;
  void apply_staff_intent(const Intent& intent);
  // Staff asked to reprint a complaint's acknowledgement: a new lookup code, then the printer.
  void reprint_acknowledgement(std::string_view complaint_id);
  void fill_staff_vm(const i18n::Catalog& catalog, FrameVm& vm) const;
  VisibleTimers visible_timers(TimePoint now) const;
  std::size_t attract_language_index(TimePoint now) const;
  // The "You said, we did" message the attract screen shows at `now`, in `language`; with an empty
  // `language` only its id (what visible_timers compares).
  std::optional<AnnouncementVm> attract_announcement(TimePoint now, const std::string& language) const;
  const std::string& current_language() const;

  ChromeVm chrome_vm(const i18n::Catalog& catalog) const;
  AttractVm attract_vm(TimePoint now) const;
  LanguagePickerVm language_picker_vm(const i18n::Catalog& catalog) const;
  HomeVm home_vm(const i18n::Catalog& catalog) const;
  OutOfServiceVm out_of_service_vm(const i18n::Catalog& catalog) const;
  IdleWarningVm idle_warning_vm(const i18n::Catalog& catalog, TimePoint now) const;
  NowServingView now_serving_vm(const i18n::Catalog& catalog) const;

  KioskConfig m_config;  // the running config: m_runtime.effective()
  RuntimeConfig m_runtime;
  LanguageCatalogs m_catalogs;
  CustomerSession m_session;
  domain::IdleTimer m_idle;
  TimePoint m_attract_started;
  VisibleTimers m_last_visible;
  std::optional<std::string> m_out_of_service_reason;
  CustomerDesk* m_desk = nullptr;
  PrintCoordinator* m_printing = nullptr;
  PendingContent* m_pending_content = nullptr;
  std::uint64_t m_content_generation = 0;
  StaffDesk* m_staff = nullptr;
  NowServingFeed* m_now_serving = nullptr;
  domain::queue::ServiceCatalog m_display_services;
  domain::staff::CornerHold m_corner_hold;
  std::optional<ScreenId> m_staff_preview;  // screenshots of staff screens without opening staff mode
  bool m_small_display = false;
};

}  // namespace kiosk::app
