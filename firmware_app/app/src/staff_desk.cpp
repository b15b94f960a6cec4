// The staff desk's gate side: the PIN pad, the PIN check off the UI thread, relocking, and the audit log.
// Why the actor is captured before each gate call: a relock clears the gate's slot, but the audit entry
// must still name who was signed in when staff mode closed.

#include "app/staff_desk.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "app/customer_desk.hpp"
#include "platform/clock.hpp"
#include "store/error.hpp"
#include "store/pii_cipher.hpp"
#include "store/pin_hash.hpp"
#include "store/staff_audit_repository.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"

namespace kiosk::app {
namespace {

namespace staff = domain::staff;
using staff::StaffMode;

// While a PIN check runs, poll this often (the check itself takes ~0.1 s per slot).
constexpr std::chrono::milliseconds k_check_poll{20};

std::optional<StaffPinSlot> matching_slot(const std::vector<StaffPinSlot>& slots, const std::string& pin) {
  // Every slot is checked, match or not, so the time taken does not tell which slot matched.
  std::optional<StaffPinSlot> match;
  for (const auto& slot : slots) {
    if (store::verify_pin(pin, slot.hash) && !match) {
      match = slot;
    }
  }
  return match;
}

std::vector<StaffPinSlot> parse_slots(const std::vector<std::string>& pin_hashes) {
  std::vector<StaffPinSlot> slots;
  for (const auto& entry : pin_hashes) {
    if (auto slot = parse_staff_pin_slot(entry)) {
      slots.push_back(std::move(*slot));
    }
  }
  return slots;
}

staff::StaffLockState load_lock_state(store::Store& store) {
  try {
    if (auto text = store::StaffLockStore(store.database()).load()) {
      auto parsed = staff::parse_staff_lock_state(*text);
      if (parsed.ok()) {
        return *parsed.value;
      }
      // Fail closed: a damaged state counts as a full set of wrong PINs, which starts a lockout.
      spdlog::error(
          "staff lock state unreadable ({}); starting locked",
          parsed.issues.empty() ? std::string("no detail") : domain::describe(parsed.issues.front()));
      return staff::StaffLockState{1000, std::nullopt};
    }
  } catch (const std::exception& error) {
    spdlog::error("staff lock state not read: {}; starting locked", error.what());
    return staff::StaffLockState{1000, std::nullopt};
  }
  return {};
}

}  // namespace

StaffDesk::StaffDesk(store::Store& store, const KioskConfig& config, const DeskContent& content,
                     const platform::Clock& clock, const std::filesystem::path& key_file,
                     std::filesystem::path export_dir)
    : m_store(store),
      m_config(config),
      m_content(content),
      m_clock(clock),
      m_export_dir(std::move(export_dir)) {
  m_slots = parse_slots(config.staff.pin_hashes);
  m_saved_lock = load_lock_state(store);
  m_gate = staff::StaffGate({}, m_saved_lock, now());
  if (m_gate.lock_state() != m_saved_lock) {
    record({}, {});
  }
  std::string error;
  m_cipher = store::PiiCipher::load(key_file, error);
  if (!m_cipher) {
    spdlog::warn("staff export without contact columns: {}", error);
  }
}

StaffDesk::~StaffDesk() = default;

domain::EventTime StaffDesk::now() const {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(m_clock.utc_now());
}

bool StaffDesk::pin_pad_visible() const {
  return m_gate.mode() == StaffMode::pin_entry ||
         (m_gate.mode() == StaffMode::locked_out && m_lock_notice_open);
}

void StaffDesk::request_pin() {
  if (!enabled()) {
    return;
  }
  const auto step = m_gate.request_pin(now());
  after_step(step, m_actor);
  if (step.event == staff::GateEvent::pin_requested) {
    m_pin.clear();
    m_notice = PinPadNotice::none;
  } else if (step.event == staff::GateEvent::pin_refused_locked) {
    m_notice = PinPadNotice::locked;
    m_lock_notice_open = true;
  }
}

void StaffDesk::cancel_pin() {
  m_pin.clear();
  m_lock_notice_open = false;
  m_notice = PinPadNotice::none;
  if (m_gate.mode() == StaffMode::pin_entry) {
    after_step(m_gate.cancel_pin(now()), m_actor);
  }
}

void StaffDesk::type_digit(char digit) {
  if (m_gate.mode() == StaffMode::pin_entry && !checking() && digit >= '0' && digit <= '9' &&
      m_pin.size() < k_max_pin_digits) {
    m_pin.push_back(digit);
  }
}

void StaffDesk::erase_digit() {
  if (!checking() && !m_pin.empty()) {
    m_pin.pop_back();
  }
}

void StaffDesk::submit_pin() {
  if (m_gate.mode() != StaffMode::pin_entry || checking() || m_pin.empty()) {
    return;
  }
  // The worker gets its own copies; the typed digits are cleared here at once.
  m_check = std::async(std::launch::async, [slots = m_slots, pin = std::move(m_pin)]() mutable {
    auto match = matching_slot(slots, pin);
    std::fill(pin.begin(), pin.end(), '\0');
    return match;
  });
  m_pin.clear();
}

void StaffDesk::select_tab(const std::string& tab) {
  for (const auto* known : {"queue", "today", "satisfaction", "complaints", "trend", "device"}) {
    if (tab == known) {
      m_tab = tab;
    }
  }
  if (m_tab == "device" && tab == "device") {
    refresh_device_health();  // the printer or sync may have changed since staff mode opened
  }
}

bool StaffDesk::staff_input() {
  return m_gate.staff_input(now());
}

void StaffDesk::sign_out() {
  const auto actor = m_actor;
  after_step(m_gate.sign_out(now()), actor);
}

void StaffDesk::replace_pin_slots(const std::vector<std::string>& pin_hashes) {
  auto slots = parse_slots(pin_hashes);
  if (slots == m_slots) {
    return;
  }
  spdlog::info("staff: {} PIN slots in use", slots.size());
  const bool signed_in_slot_kept = std::any_of(slots.begin(), slots.end(), [&](const StaffPinSlot& slot) {
    return slot.slot_id == m_actor.slot_id && slot.role == m_actor.role &&
           std::find(m_slots.begin(), m_slots.end(), slot) != m_slots.end();
  });
  m_slots = std::move(slots);
  m_config.staff.pin_hashes = pin_hashes;
  if (m_slots.empty() && m_gate.mode() == StaffMode::pin_entry) {
    cancel_pin();  // no PIN can open staff mode any more: a PIN typed now would only count as wrong
  }
  if (unlocked() && !signed_in_slot_kept) {
    // Staff mode was opened with a PIN head office has just withdrawn: it closes now, and the audit log
    // says why.
    const auto actor = m_actor;
    const auto step = m_gate.sign_out(now());
    spdlog::info("staff: {} (mode {}): the PIN slot {} was replaced", staff::to_string(step.event),
                 staff::to_string(step.mode), actor.slot_id);
    audit(staff::StaffAction::staff_signed_out, actor, "pin_slots_replaced",
          m_gate.lock_state() != m_saved_lock);
    forget_staff_view();
  }
}

void StaffDesk::customer_session_started() {
  const auto actor = m_actor;
  after_step(m_gate.customer_session_started(now()), actor);
}

bool StaffDesk::poll() {
  bool changed = false;
  if (m_check.valid() && m_check.wait_for(std::chrono::seconds{0}) == std::future_status::ready) {
    auto match = m_check.get();
    // The slots may have been replaced while the hash was checked: a slot that is gone opens nothing.
    if (match && std::find(m_slots.begin(), m_slots.end(), *match) == m_slots.end()) {
      match.reset();
    }
    const auto result = match ? staff::PinResult::verified : staff::PinResult::wrong;
    const auto slot = match ? match->slot_id : std::string{};
    if (match) {
      m_actor = {match->slot_id, match->role};
    }
    const auto step = m_gate.pin_checked(result, slot, now());
    if (step.event != staff::GateEvent::unlocked) {
      m_actor = {};
    }
    after_step(step, m_actor);
    if (step.event == staff::GateEvent::pin_wrong) {
      m_notice = PinPadNotice::wrong_pin;
    } else if (step.event == staff::GateEvent::locked_out) {
      m_notice = PinPadNotice::locked;
      m_lock_notice_open = true;
    } else if (step.event == staff::GateEvent::unlocked) {
      m_notice = PinPadNotice::none;
      refresh_dashboard();
    }
    changed = true;
  }
  const auto actor = m_actor;
  const auto step = m_gate.update(now());
  if (step.event != staff::GateEvent::none) {
    after_step(step, actor);
    changed = true;
  }
  return changed;
}

std::optional<std::chrono::milliseconds> StaffDesk::time_to_next_change() const {
  std::optional<std::chrono::milliseconds> wait;
  if (checking()) {
    wait = k_check_poll;
  }
  if (const auto next = m_gate.next_change()) {
    const auto until = std::max(std::chrono::milliseconds{0}, *next - now());
    wait = wait ? std::min(*wait, until) : until;
  }
  return wait;
}

void StaffDesk::after_step(const staff::GateStep& step, const staff::StaffActor& actor_before) {
  if (step.event == staff::GateEvent::none) {
    return;
  }
  spdlog::info("staff: {} (mode {})", staff::to_string(step.event), staff::to_string(step.mode));
  record(step, actor_before);
  if (step.mode != StaffMode::unlocked) {
    forget_staff_view();
  }
  if (step.mode == StaffMode::closed) {
    m_pin.clear();
    m_lock_notice_open = false;
    m_notice = PinPadNotice::none;
  }
}

// Nothing of the dashboard, and no reprinted lookup code, stays in memory behind the next customer.
void StaffDesk::forget_staff_view() {
  m_actor = {};
  m_dashboard.reset();
  m_complaint_facts.clear();
  m_device.reset();
  m_tab = "queue";
  m_last_export.reset();
  m_last_reprint.reset();
  m_complaints_from = 0;
}

void StaffDesk::record(const staff::GateStep& step, const staff::StaffActor& actor) {
  const auto action = staff::audit_action(step.event);
  const bool lock_changed = m_gate.lock_state() != m_saved_lock;
  if (!action && !lock_changed) {
    return;
  }
  if (!action) {
    try {
      store::StaffLockStore(m_store.database()).save(staff::to_json(m_gate.lock_state()));
      m_saved_lock = m_gate.lock_state();
    } catch (const std::exception& error) {
      spdlog::error("staff lock state not saved: {}", error.what());
    }
    return;
  }
  // A wrong PIN identifies nobody; the other actions name who was signed in.
  const bool anonymous =
      *action == staff::StaffAction::pin_rejected || *action == staff::StaffAction::staff_locked_out;
  audit(*action, anonymous ? staff::StaffActor{} : actor, {}, lock_changed);
}

void StaffDesk::audit(staff::StaffAction action, const staff::StaffActor& actor, std::string target,
                      bool save_lock_state) {
  try {
    store::Transaction transaction(m_store.database());
    append_audit(transaction, action, actor, std::move(target));
    if (save_lock_state) {
      store::StaffLockStore(m_store.database()).save(staff::to_json(m_gate.lock_state()));
    }
    transaction.commit();
    if (save_lock_state) {
      m_saved_lock = m_gate.lock_state();
    }
  } catch (const std::exception& error) {
    spdlog::error("staff action {} not audited: {}", staff::to_string(action), error.what());
  }
}

void StaffDesk::append_audit(store::Transaction& transaction, staff::StaffAction action,
                             const staff::StaffActor& actor, std::string target) {
  staff::AuditEntry entry{actor, action, now(), std::move(target)};
  domain::EventRecord event;
  const auto at = m_clock.utc_now();
  event.id = m_store.new_event_id(at);
  event.type = "staff.action";
  event.schema = 1;
  event.at = std::chrono::time_point_cast<std::chrono::milliseconds>(at);
  event.data_json = nlohmann::json{{"action", staff::to_string(action)},
                                   {"slot_id", entry.who.slot_id},
                                   {"role", entry.who.role},
                                   {"target", entry.target},
                                   {"at", domain::format_rfc3339_utc(entry.when)}}
                        .dump();
  store::StaffAuditRepository(m_store.database()).insert(transaction, entry, event.id);
  m_store.outbox().append(transaction, event);
}

}  // namespace kiosk::app
