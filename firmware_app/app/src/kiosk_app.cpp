#include "app/kiosk_app.hpp"

#include <algorithm>

#include "app/content_updates.hpp"
#include "app/customer_desk.hpp"
#include "app/now_serving.hpp"
#include "app/print_coordinator.hpp"
#include "app/staff_desk.hpp"
#include "domain/language.hpp"
#include "flows/flows.hpp"
#include "flows/text_entry.hpp"
#include "i18n/catalog.hpp"

namespace kiosk::app {
namespace {

using std::chrono::milliseconds;

std::string autonym_of(const std::string& tag) {
  auto language = domain::find_language(tag);
  return language ? std::string(language->autonym) : tag;
}

}  // namespace

KioskApp::KioskApp(KioskConfig config, LanguageCatalogs catalogs, TimePoint now)
    : m_config(std::move(config)),
      m_runtime(m_config),
      m_catalogs(std::move(catalogs)),
      m_idle(std::chrono::duration_cast<milliseconds>(m_config.session.idle_timeout),
             std::chrono::duration_cast<milliseconds>(m_config.session.idle_warning)),
      m_attract_started(now) {
  m_last_visible = visible_timers(now);
}

void KioskApp::attach(CustomerDesk* desk, PrintCoordinator* printing) {
  m_desk = desk;
  m_printing = printing;
  // They were built with kiosk.toml; a config bundle applied before they came (at start) reaches them now.
  if (m_runtime.effective() != m_runtime.file_config()) {
    apply_runtime_config();
  }
  // The desk brings the attract screen's announcements: what is visible now includes them, so the first
  // tick does not report them as a change (the first frame is drawn anyway).
  m_last_visible = visible_timers(m_attract_started);
}

void KioskApp::attach_content_updates(PendingContent* pending) {
  m_pending_content = pending;
}

std::string KioskApp::content_glyph_text() const {
  // The escalation text is shown after a complaint, and a config bundle may change it.
  return m_config.complaints.escalation_text +
         (m_desk != nullptr ? app::content_glyph_text(m_desk->content()) : std::string{});
}

void KioskApp::update_runtime_config(const std::vector<ContentUpdate>& updates) {
  if (!updates.empty() && m_runtime.update(updates)) {
    apply_runtime_config();
  }
}

void KioskApp::apply_runtime_config() {
  m_config = m_runtime.effective();
  // Between customers only (see adopt_pending_content), so no session's countdown is cut short.
  m_idle = domain::IdleTimer(std::chrono::duration_cast<milliseconds>(m_config.session.idle_timeout),
                             std::chrono::duration_cast<milliseconds>(m_config.session.idle_warning));
  if (m_desk != nullptr) {
    m_desk->apply_runtime_config(m_config);
  }
  if (m_printing != nullptr) {
    m_printing->apply_runtime_config(m_config);
  }
  if (m_staff != nullptr) {
    m_staff->replace_pin_slots(m_config.staff.pin_hashes);
  }
  ++m_content_generation;  // a new escalation text may need glyphs
}

// The content check. Between customers only: a session holds ids of the services and the survey it
// shows, and a swap under it would change what the customer is answering. Expired content is dropped
// here too, so it goes the same way (and at the same moments) as new content comes.
bool KioskApp::adopt_pending_content() {
  if (m_desk == nullptr || in_customer_session()) {
    return false;
  }
  bool changed = false;
  const auto config_before = m_content_generation;
  if (m_pending_content != nullptr && m_pending_content->has_updates()) {
    auto updates = m_pending_content->take();
    update_runtime_config(take_config_updates(updates));
    changed = m_desk->update_content(updates) > 0;
  }
  changed = m_desk->drop_expired_content() || changed;
  if (m_runtime.drop_expired(m_desk->now())) {
    apply_runtime_config();
  }
  if (changed) {
    ++m_content_generation;
  }
  return changed || m_content_generation != config_before;
}

void KioskApp::attach_staff(StaffDesk* staff) {
  m_staff = staff;
  m_corner_hold.cancel();
  if (m_staff != nullptr && m_runtime.effective() != m_runtime.file_config()) {
    m_staff->replace_pin_slots(m_config.staff.pin_hashes);
  }
}

void KioskApp::attach_now_serving(NowServingFeed* feed, domain::queue::ServiceCatalog services) {
  m_now_serving = feed;
  m_display_services = std::move(services);
  m_session = {};
  m_session.screen = feed != nullptr ? ScreenId::now_serving : ScreenId::attract;
}

bool KioskApp::staff_screen_shown() const {
  return m_staff_preview.has_value() ||
         (m_staff != nullptr && (m_staff->pin_pad_visible() || m_staff->unlocked()));
}

bool KioskApp::pointer(PointerPhase phase, float x, float y, TimePoint now) {
  using domain::staff::HoldSignal;
  if (m_staff == nullptr || !m_staff->enabled() || out_of_service()) {
    return false;
  }
  // The gesture is offered only where no customer is in the middle of something.
  const bool gesture_screen =
      !staff_screen_shown() && (m_session.screen == ScreenId::attract || m_session.screen == ScreenId::home);
  auto signal = HoldSignal::none;
  switch (phase) {
    case PointerPhase::down:
      if (gesture_screen) {
        signal = m_corner_hold.press({x, y}, now);
      } else {
        m_corner_hold.cancel();
      }
      break;
    case PointerPhase::move:
      signal = m_corner_hold.move({x, y}, now);
      break;
    case PointerPhase::up:
      signal = m_corner_hold.release(now);
      break;
  }
  return signal == HoldSignal::recognized && open_staff_pin(now);
}

bool KioskApp::open_staff_pin(TimePoint now) {
  m_corner_hold.cancel();
  if (m_staff == nullptr || staff_screen_shown() ||
      (m_session.screen != ScreenId::attract && m_session.screen != ScreenId::home)) {
    return false;
  }
  end_session(now);  // whatever the home screen held is gone before the PIN pad shows
  m_staff->request_pin();
  return true;
}

void KioskApp::enter_out_of_service(std::string staff_reason) {
  m_session = {};
  m_session.screen = ScreenId::out_of_service;
  m_out_of_service_reason = std::move(staff_reason);
}

void KioskApp::leave_out_of_service(TimePoint now) {
  m_out_of_service_reason.reset();
  end_session(now);
}

bool KioskApp::in_customer_session() const {
  return m_session.screen != ScreenId::attract && m_session.screen != ScreenId::out_of_service &&
         m_session.screen != ScreenId::now_serving;
}

const std::string& KioskApp::current_language() const {
  return m_session.language.empty() ? m_config.languages.default_language : m_session.language;
}

void KioskApp::start_session(TimePoint now) {
  if (m_staff != nullptr) {
    m_staff->customer_session_started();
  }
  m_session = {};
  m_session.screen = ScreenId::home;
  m_session.language = m_config.languages.default_language;
  m_idle.set_scale(1);
  m_idle.restart(now);
}

void KioskApp::end_session(TimePoint now) {
  m_session = {};
  m_idle.set_scale(1);
  m_attract_started = now;
}

bool KioskApp::apply(const Intents& intents, TimePoint now) {
  if (intents.empty() || out_of_service() || display_role()) {
    return false;  // the hall display has nothing to touch
  }
  if (staff_screen_shown()) {
    for (const auto& intent : intents.items()) {
      apply_staff_intent(intent);
    }
    if (!staff_screen_shown()) {
      end_session(now);  // staff signed out: back to the attract screen
    }
    m_last_visible = visible_timers(now);
    return true;
  }
  for (const auto& intent : intents.items()) {
    apply_one(intent, now);
  }
  m_last_visible = visible_timers(now);
  return true;
}

void KioskApp::apply_one(const Intent& intent, TimePoint now) {
  using Kind = Intent::Kind;
  if (intent.kind == Kind::start_session) {
    if (m_session.screen == ScreenId::attract) {
      adopt_pending_content();  // the customer starts with the newest content
      start_session(now);
    }
    return;
  }
  if (!in_customer_session()) {
    return;  // a late tap from a session that already ended
  }
  m_idle.restart(now);
  switch (intent.kind) {
    case Kind::open_language_picker:
      if (m_session.screen != ScreenId::language) {
        m_session.return_from_language = m_session.screen;
        m_session.screen = ScreenId::language;
      }
      break;
    case Kind::choose_language:
      if (std::find(m_config.languages.enabled.begin(), m_config.languages.enabled.end(), intent.argument) !=
          m_config.languages.enabled.end()) {
        m_session.language = intent.argument;
        m_session.screen = m_session.return_from_language;
      }
      break;
    case Kind::close_language_picker:
      m_session.screen = m_session.return_from_language;
      break;
    case Kind::toggle_accessibility:
      m_session.accessibility = !m_session.accessibility;
      m_idle.set_scale(m_session.accessibility ? 2 : 1);
      break;
    case Kind::start_over:
      end_session(now);
      break;
    case Kind::need_more_time:
    case Kind::activity:
    case Kind::start_session:
      break;
    case Kind::finish:
      end_session(now);
      break;
    default:
      apply_flow_intent(intent, now);
      break;
  }
}

bool KioskApp::apply_flow_intent(const Intent& intent, TimePoint now) {
  using Kind = Intent::Kind;
  (void)now;
  switch (intent.kind) {
    case Kind::open_privacy:
      m_session.privacy_open = true;
      return true;
    case Kind::close_privacy:
      m_session.privacy_open = false;
      return true;
    case Kind::focus_field:
      focus_field(m_session, intent.argument);
      return true;
    default:
      break;
  }
  if (m_session.privacy_open) {
    return false;  // the notice covers the screen: only closing it does anything
  }
  if (apply_text_intent(m_session, intent)) {
    return true;
  }
  FlowContext context{m_session, m_desk, m_printing, m_config, m_small_display};
  if (intent.kind == Kind::open_flow && m_session.screen == ScreenId::home) {
    return open_flow(context, intent.argument);
  }
  return apply_checkin(context, intent) || apply_complaint(context, intent) ||
         apply_survey(context, intent) || apply_status(context, intent);
}

bool KioskApp::tick(TimePoint now) {
  if (display_role()) {
    return m_now_serving->poll();
  }
  bool staff_changed = false;
  if (m_staff != nullptr) {
    if (m_corner_hold.update(now) == domain::staff::HoldSignal::recognized) {
      staff_changed = open_staff_pin(now);
    }
    const bool was_shown = staff_screen_shown();
    staff_changed = m_staff->poll() || staff_changed;
    if (was_shown && !staff_screen_shown()) {
      end_session(now);  // relocked: back to the attract screen
      staff_changed = true;
    }
  }
  const bool printed = m_printing != nullptr && m_printing->poll();
  if (in_customer_session() && m_idle.phase(now) == domain::IdlePhase::expired) {
    end_session(now);
  }
  const bool adopted = adopt_pending_content();
  if (m_staff != nullptr && !in_customer_session() && !staff_screen_shown()) {
    m_staff->roll_up_closed_days();
  }
  const auto visible = visible_timers(now);
  const bool changed = visible != m_last_visible || printed || staff_changed || adopted;
  m_last_visible = visible;
  return changed;
}

KioskApp::TimePoint KioskApp::next_wake(TimePoint now) const {
  if (display_role()) {
    return m_now_serving->next_wake();
  }
  auto wake = customer_next_wake(now);
  if (const auto hold = m_corner_hold.next_change()) {
    wake = std::min(wake, *hold);
  }
  if (m_staff != nullptr) {
    if (const auto staff = m_staff->time_to_next_change()) {
      wake = std::min(wake, now + *staff);
    }
  }
  return wake;
}

KioskApp::TimePoint KioskApp::customer_next_wake(TimePoint now) const {
  if (in_customer_session()) {
    auto wake = m_idle.next_change(now);
    if (m_printing != nullptr && m_printing->busy()) {
      wake = std::min(wake, now + std::chrono::milliseconds{200});  // a print outcome changes the screen
    }
    return wake;
  }
  if (m_session.screen == ScreenId::attract &&
      (m_config.languages.enabled.size() > 1 ||
       (m_desk != nullptr && !m_desk->content().announcements.items.empty()))) {
    const auto cycle = std::max<TimePoint::duration>(m_config.session.attract_cycle, std::chrono::seconds{1});
    const auto elapsed = now - m_attract_started;
    return m_attract_started + (elapsed / cycle + 1) * cycle;
  }
  // Between customers the content check runs at least this often, so content whose bundle (or whose
  // own end) has passed is dropped within a minute even on a quiet screen.
  if (m_desk != nullptr && !in_customer_session()) {
    return now + std::chrono::minutes{1};
  }
  return now + std::chrono::hours{1};
}

KioskApp::VisibleTimers KioskApp::visible_timers(TimePoint now) const {
  VisibleTimers visible;
  if (m_session.screen == ScreenId::attract) {
    visible.attract_language = attract_language_index(now);
    if (auto shown = attract_announcement(now, {})) {
      visible.attract_announcement = std::move(shown->id);
    }
  }
  if (in_customer_session()) {
    visible.idle_phase = m_idle.phase(now);
    if (visible.idle_phase == domain::IdlePhase::warning) {
      visible.seconds_left = m_idle.seconds_left(now);
    }
  }
  return visible;
}

std::size_t KioskApp::attract_language_index(TimePoint now) const {
  const auto count = m_config.languages.enabled.size();
  if (count == 0) {
    return 0;
  }
  const auto cycle = std::max<TimePoint::duration>(m_config.session.attract_cycle, std::chrono::seconds{1});
  return static_cast<std::size_t>((now - m_attract_started) / cycle) % count;
}

// A message changes with every attract cycle, in step with the language. Round r of the language loop
// starts r messages further on, so over a few rounds every message is shown in every language (advancing
// both by one would pair message i with language i for ever when their counts are equal).
std::optional<AnnouncementVm> KioskApp::attract_announcement(TimePoint now,
                                                             const std::string& language) const {
  if (m_desk == nullptr) {
    return std::nullopt;
  }
  const auto shown = m_desk->announcements_shown();
  if (shown.empty()) {
    return std::nullopt;
  }
  const auto cycle_length =
      std::max<TimePoint::duration>(m_config.session.attract_cycle, std::chrono::seconds{1});
  const auto cycle = static_cast<std::size_t>(
      std::max<TimePoint::duration::rep>((now - m_attract_started) / cycle_length, 0));
  const std::size_t languages = std::max<std::size_t>(m_config.languages.enabled.size(), 1);
  const auto& announcement = *shown[(cycle % languages + cycle / languages) % shown.size()];
  AnnouncementVm vm;
  vm.id = announcement.id;
  if (!language.empty()) {
    const auto& fallback = m_config.languages.default_language;
    // TRANSLATORS: heading over a message from the bank on the idle screen, saying what it changed
    // because of customers' feedback ("You said the queue was hard to follow / We added ...").
    vm.heading = m_catalogs.for_language(language).tr("You said, we did");
    vm.title = domain::announcements::text_in(announcement.title, language, fallback);
    vm.body = domain::announcements::text_in(announcement.body, language, fallback);
  }
  return vm;
}

void KioskApp::preview(ScreenId screen, const std::string& language, bool accessibility, bool idle_warning,
                       TimePoint now) {
  m_staff_preview.reset();
  if (screen == ScreenId::out_of_service) {
    enter_out_of_service(m_out_of_service_reason.value_or("preview: no fault, shown for a screenshot"));
    m_session.language = language;
    return;
  }
  m_out_of_service_reason.reset();
  m_session = {};
  if (screen == ScreenId::staff_pin || screen == ScreenId::staff_dashboard) {
    m_session.language = language;
    m_staff_preview = screen;
    if (screen == ScreenId::staff_dashboard && m_staff != nullptr) {
      m_staff->preview_dashboard();
    }
    m_attract_started = now;
    m_last_visible = visible_timers(now);
    return;
  }
  m_session.screen = screen;
  m_session.language = language;
  m_session.accessibility = accessibility;
  preview_overlays(accessibility, idle_warning, now);
  m_attract_started = now;
  // The attract screen shows the language of its cycle, not the session's: start the cycle at the
  // previewed language, so a screenshot of it in each language shows that language.
  const auto& enabled = m_config.languages.enabled;
  if (const auto found = std::find(enabled.begin(), enabled.end(), language);
      screen == ScreenId::attract && found != enabled.end()) {
    const auto cycle = std::max<TimePoint::duration>(m_config.session.attract_cycle, std::chrono::seconds{1});
    m_attract_started = now - (found - enabled.begin()) * cycle;
  }
  m_last_visible = visible_timers(now);
}

void KioskApp::preview_overlays(bool accessibility, bool idle_warning, TimePoint now) {
  m_session.accessibility = accessibility;
  m_idle.set_scale(accessibility ? 2 : 1);
  // Warning previews start the idle countdown so that it shows exactly its first second.
  const auto idle_for =
      idle_warning
          ? std::chrono::duration_cast<TimePoint::duration>(
                (m_config.session.idle_timeout - m_config.session.idle_warning) * (accessibility ? 2 : 1))
          : TimePoint::duration::zero();
  m_idle.restart(now - idle_for);
  m_last_visible = visible_timers(now);
}

FrameVm KioskApp::view_model(TimePoint now) const {
  const auto& catalog = m_catalogs.for_language(current_language());
  FrameVm vm;
  vm.screen = m_session.screen;
  vm.language_tag = current_language();
  vm.profile = m_config.display.profile == Profile::atm ? LayoutProfile::atm : LayoutProfile::branch;
  vm.high_contrast = m_session.accessibility || m_config.display.high_contrast;
  vm.large_text = m_session.accessibility;
  if (staff_screen_shown()) {
    fill_staff_vm(catalog, vm);
    return vm;
  }
  switch (m_session.screen) {
    case ScreenId::attract:
      vm.attract = attract_vm(now);
      vm.language_tag = vm.attract.shown_language_tag;
      break;
    case ScreenId::language:
      vm.language_picker = language_picker_vm(catalog);
      break;
    case ScreenId::home:
      vm.home = home_vm(catalog);
      break;
    case ScreenId::out_of_service:
      vm.out_of_service = out_of_service_vm(catalog);
      break;
    case ScreenId::now_serving:
      vm.now_serving = now_serving_vm(catalog);
      break;
    default:
      fill_flow_vm(catalog, vm);
      break;
  }
  if (in_customer_session()) {
    vm.chrome = chrome_vm(catalog);
    vm.idle_warning = idle_warning_vm(catalog, now);
    vm.privacy = privacy_vm(catalog);
  }
  return vm;
}

ChromeVm KioskApp::chrome_vm(const i18n::Catalog& catalog) const {
  ChromeVm vm;
  vm.visible = true;
  vm.language_label = catalog.tr("Language");
  vm.language_current = autonym_of(current_language());
  vm.accessibility_label = catalog.tr("Larger text");
  vm.accessibility_on = m_session.accessibility;
  vm.accessibility_state = m_session.accessibility ? catalog.tr("On") : catalog.tr("Off");
  vm.start_over_label = catalog.tr("Start over");
  return vm;
}

AttractVm KioskApp::attract_vm(TimePoint now) const {
  AttractVm vm;
  vm.bank_name = m_config.kiosk.bank_name;
  const auto& enabled = m_config.languages.enabled;
  vm.shown_language_tag = enabled.empty() ? m_config.languages.default_language
                                          : enabled[attract_language_index(now) % enabled.size()];
  const auto& catalog = m_catalogs.for_language(vm.shown_language_tag);
  vm.welcome = catalog.tr("Welcome");
  vm.touch_to_start = catalog.tr("Touch the screen to start");
  for (const auto& tag : enabled) {
    vm.autonyms.push_back(autonym_of(tag));
  }
  vm.announcement = attract_announcement(now, vm.shown_language_tag);
  return vm;
}

LanguagePickerVm KioskApp::language_picker_vm(const i18n::Catalog& catalog) const {
  LanguagePickerVm vm;
  vm.title = catalog.tr("Choose your language");
  vm.back_label = catalog.tr("Back");
  vm.selected_label = catalog.tr("Selected");
  for (const auto& tag : m_config.languages.enabled) {
    vm.choices.push_back({tag, autonym_of(tag), tag == current_language()});
  }
  return vm;
}

HomeVm KioskApp::home_vm(const i18n::Catalog& catalog) const {
  HomeVm vm;
  vm.bank_name = m_config.kiosk.bank_name;
  vm.title = catalog.tr("How can we help you today?");
  // Only flows that work right now are offered: a button that leads nowhere is worse than none.
  auto offer = [&vm](std::string id, std::string_view label, std::string_view description) {
    vm.entries.push_back({std::move(id), std::string(label), std::string(description)});
  };
  if (m_desk != nullptr) {
    const auto& content = m_desk->content();
    const bool atm = m_config.display.profile == Profile::atm;
    if (!atm && !content.services.services.empty()) {
      offer("checkin", catalog.tr("Get a queue number"),
            catalog.tr("For the counter, or check in for your appointment"));
    }
    if (m_desk->complaints_available() && !content.taxonomy.products.empty()) {
      offer("complaint", atm ? catalog.tr("Report a problem") : catalog.tr("Make a complaint"),
            catalog.tr("Tell us what went wrong. You get a reference number."));
    }
    const auto* survey_key = atm ? "atm_quick" : "visit";
    if (content.surveys.contains(survey_key)) {
      offer("survey", atm ? catalog.tr("How was it today?") : catalog.tr("Rate your visit"),
            catalog.tr("A few quick questions. Anonymous."));
    }
    if (m_desk->complaints_available()) {
      offer("status", catalog.tr("Check a complaint"),
            catalog.tr("With the reference and code from your receipt"));
    }
  }
  vm.empty_text = catalog.tr(
      "Self-service is not available at this kiosk yet. A member of staff will be glad to help you.");
  return vm;
}

OutOfServiceVm KioskApp::out_of_service_vm(const i18n::Catalog& catalog) const {
  OutOfServiceVm vm;
  vm.title = catalog.tr("This kiosk is temporarily out of service");
  vm.body = catalog.tr(
      "We are sorry for the inconvenience. Please ask a member of staff, who will be glad to help you.");
  vm.staff_label = catalog.tr("For staff:");
  vm.staff_reason = m_out_of_service_reason.value_or("");
  return vm;
}

NowServingView KioskApp::now_serving_vm(const i18n::Catalog& catalog) const {
  NowServingLabels labels;
  labels.bank_name = m_config.kiosk.bank_name;
  labels.time_zone = m_config.kiosk.time_zone;
  const auto* catalog_of_services = !m_display_services.services.empty() ? &m_display_services
                                    : m_desk != nullptr                  ? &m_desk->content().services
                                                                         : nullptr;
  if (catalog_of_services != nullptr) {
    labels.service_name = [this, catalog_of_services](const std::string& service_id) {
      const auto* service = catalog_of_services->find(service_id);
      return service != nullptr ? service->name.in(current_language()) : std::string{};
    };
  }
  // A hall is read by people of several languages: labels in a local language get English beside them.
  static const std::string k_english = "en";
  const i18n::Catalog* secondary =
      current_language() == k_english ? nullptr : &m_catalogs.for_language(k_english);
  if (m_now_serving != nullptr) {
    return m_now_serving->view(catalog, secondary, labels);
  }
  // Screenshots and previews of the screen without a feed show sample calls.
  return preview_now_serving_view(catalog, secondary, labels,
                                  std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

IdleWarningVm KioskApp::idle_warning_vm(const i18n::Catalog& catalog, TimePoint now) const {
  IdleWarningVm vm;
  if (m_idle.phase(now) != domain::IdlePhase::warning) {
    return vm;
  }
  const auto seconds = m_idle.seconds_left(now);
  vm.visible = true;
  vm.title = catalog.tr("Are you still there?");
  vm.countdown = i18n::format_named(
      catalog.tr_n("Your session ends in {count} second", "Your session ends in {count} seconds",
                   static_cast<std::uint64_t>(seconds)),
      {{"count", std::to_string(seconds)}});
  vm.consequence = catalog.tr("Everything you entered will be cleared for your privacy.");
  vm.more_time_label = catalog.tr("I need more time");
  return vm;
}

void KioskApp::fill_flow_vm(const i18n::Catalog& catalog, FrameVm& vm) const {
  const FlowViewContext context{m_session, m_desk, m_printing, m_config, catalog, m_small_display};
  build_checkin_vm(context, vm);
  build_complaint_vm(context, vm);
  build_survey_vm(context, vm);
  build_status_vm(context, vm);
}

PrivacyVm KioskApp::privacy_vm(const i18n::Catalog& catalog) const {
  PrivacyVm vm;
  vm.visible = m_session.privacy_open;
  if (!vm.visible)
    return vm;
  vm.title = catalog.tr("How we use your data");
  for (const auto paragraph : {
           catalog.tr("Surveys are anonymous: we do not store who answered."),
           catalog.tr(
               "A complaint is stored on this kiosk and sent securely to the bank's complaints team. Your "
               "description and contact details are encrypted."),
           catalog.tr(
               "We use your contact details only to answer your complaint, and only if you agreed. They are "
               "deleted when the complaint is closed."),
           catalog.tr(
               "When you leave, or after a short time without a touch, the screen is cleared so the next "
               "customer sees nothing of yours."),
           catalog.tr("You can ask staff for a copy of the bank's full privacy notice."),
       }) {
    vm.paragraphs.emplace_back(paragraph);
  }
  vm.close_label = catalog.tr("Close");
  return vm;
}

}  // namespace kiosk::app
