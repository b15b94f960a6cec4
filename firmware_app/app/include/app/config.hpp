#pragma once
// The kiosk's configuration: what it is read from (a TOML file, see assets/kiosk.toml and
// docs/configuration.md), what every value means, and the rules a value must follow.
//
// Guarantees:
// - A default-constructed KioskConfig is the documented default and passes validation; every TOML key is
//   optional and a missing key keeps its default.
// - parse_config() and load_config_file() read the whole document, then validate once, and report every
//   problem they find (syntax, unknown tables or keys, wrong types, values breaking a rule), each with the
//   file, line, column and dotted key. When there is any issue the result holds no config at all: the
//   kiosk never starts half-configured, and a caller reloading the file keeps the config it is running.
// - Neither function throws, whatever the input (binary junk, hostile nesting, a directory, a huge file).

#include <array>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::app {

// The screen layout family: "branch" (tall touchscreen in the branch hall) or "atm" (through-the-wall).
enum class Profile { branch, atm };

// "windowed" for development, "fullscreen" on a kiosk, "headless" for tests and screenshots.
enum class DisplayMode { windowed, fullscreen, headless };

// Where tickets go. file: `target` is a directory, one .bin per job; device: `target` is an absolute
// device path such as /dev/usb/lp0; tcp: `target` is host:port such as printer.local:9100.
enum class PrinterTransport { none, file, device, tcp };

// How text reaches paper. text: the printer's code pages (fast, needs CP866/CP865/GB18030 support);
// raster: every line drawn with the kiosk's own fonts (any script, any printer); auto_select: text when the
// language's code page covers every character, raster otherwise.
enum class PrintMode { text, raster, auto_select };
// How events reach head office. off: nothing leaves the kiosk (not enrolled yet; the outbox keeps every
// event until sync is turned on). mqtt / https: that path only. mqtt_with_https_fallback: MQTT, and HTTPS
// while MQTT has been down for fallback_after_seconds.
enum class SyncPolicy { off, mqtt, https, mqtt_with_https_fallback };

struct KioskConfig {
  struct Kiosk {
    std::string branch_id = "branch-001";  // MQTT topic level: [A-Za-z0-9][A-Za-z0-9_-]{0,63}
    std::string kiosk_id = "kiosk-01";     // same rule as branch_id
    std::string bank_name = "Nordic Savings Bank";
    std::string time_zone = "Europe/Oslo";  // IANA name, for times shown to customers
    friend bool operator==(const Kiosk&, const Kiosk&) = default;
  } kiosk;

  struct Languages {
    std::string default_language = "en";                               // TOML key: languages.default
    std::vector<std::string> enabled = {"en", "ru", "zh-Hans", "nb"};  // picker order, BCP 47 tags
    friend bool operator==(const Languages&, const Languages&) = default;
  } languages;

  struct Display {
    Profile profile = Profile::branch;
    DisplayMode mode = DisplayMode::windowed;
    int width = 1920;
    int height = 1080;
    bool high_contrast = false;
    friend bool operator==(const Display&, const Display&) = default;
  } display;

  struct Session {
    std::chrono::seconds idle_timeout{45};  // no touch for this long ends the customer session
    std::chrono::seconds idle_warning{10};  // the "are you still there?" countdown before the end
    std::chrono::seconds attract_cycle{4};  // the attract screen changes language this often
    friend bool operator==(const Session&, const Session&) = default;
  } session;

  // Empty = platform default chosen by the caller (see platform/paths.hpp).
  struct Paths {
    std::filesystem::path data_dir;
    std::filesystem::path log_dir;
    std::filesystem::path cache_dir;
    friend bool operator==(const Paths&, const Paths&) = default;
  } paths;

  struct Printer {
    PrinterTransport transport = PrinterTransport::none;
    std::string target;  // empty for none; see PrinterTransport for the other shapes
    PrintMode mode = PrintMode::auto_select;
    int paper_width_mm = 80;  // 80 or 58
    friend bool operator==(const Printer&, const Printer&) = default;
  } printer;

  struct Complaints {
    int acknowledge_business_days = 1;
    int final_response_business_days = 15;
    // Issues that make a complaint high priority (a customer asking for extra help always does).
    std::vector<std::string> high_priority_issues = {"unauthorized_transaction", "card_retained",
                                                     "cash_not_dispensed"};
    std::vector<std::string> holidays;  // "YYYY-MM-DD", branch-local days that are not business days
    // Printed on the acknowledgement and shown after submitting: where to go if the final answer does not
    // satisfy the customer.
    std::string escalation_text =
        "If you are not satisfied with our final answer, you can bring the complaint to the Norwegian "
        "Financial "
        "Services Complaints Board (Finansklagenemnda), finansklagenemnda.no, free of charge.";
    friend bool operator==(const Complaints&, const Complaints&) = default;
  } complaints;

  // Relative file paths are taken under the kiosk's data directory.
  struct Sync {
    SyncPolicy policy = SyncPolicy::off;
    std::string mqtt_url;   // "ssl://broker.bank.example:8883" (mqtts:// is accepted too)
    std::string https_url;  // "https://ingest.bank.example:8443", no trailing slash
    std::filesystem::path ca_file = "sync/ca.crt";       // the bank's private CA
    std::filesystem::path cert_file = "sync/kiosk.crt";  // this kiosk's certificate (CN = kiosk.kiosk_id)
    std::filesystem::path key_file = "sync/kiosk.key";
    // libcurl pins of head office's HTTPS key, "sha256//<base64>", current and next. Empty: CA only.
    std::vector<std::string> pinned_public_keys;
    int max_batch_events = 50;
    std::chrono::seconds ack_timeout{60};      // sent rows without head office's ack go out again
    std::chrono::seconds fallback_after{180};  // MQTT down this long: HTTPS carries the batches
    // Downstream (head office -> kiosk), read over HTTPS from https_url.
    // The Ed25519 public keys (PEM files) that bundles must be signed with: current and next, at most two.
    // Empty: no bundle is followed and the kiosk keeps the content shipped in its assets.
    std::vector<std::filesystem::path> bundle_public_keys;
    // The bundle kinds followed, each at scope "all" and at this kiosk's branch (the branch's bundle wins).
    // "config" carries the runtime settings head office may change (app/runtime_config.hpp).
    std::vector<std::string> bundle_kinds = {"config", "surveys", "services", "bookings", "announcements"};
    std::chrono::seconds bundle_poll{900};  // backstop poll; an MQTT pointer brings a new bundle at once
    bool complaint_status = true;           // read complaint status changes for the customer's lookup
    friend bool operator==(const Sync&, const Sync&) = default;
  } sync;
  // Staff mode (the branch manager's dashboard), opened by holding a screen corner for 3 s on the attract
  // or home screen and typing a PIN. No PIN is ever stored: each slot holds a salted PBKDF2 hash made by
  // `branch-kiosk hash-pin` (format in store/pin_hash.hpp).
  struct Staff {
    // "<slot>:<role>:<hash>", e.g. "manager:manager:pbkdf2-sha256$210000$...". Slot ids are unique,
    // [a-z0-9_-]{1,32}; roles the same shape. Empty: staff mode cannot be opened.
    std::vector<std::string> pin_hashes;
    // Where the dashboard's CSV export is written; relative paths are under the data directory.
    std::filesystem::path export_dir = "exports";
    friend bool operator==(const Staff&, const Staff&) = default;
  } staff;

  // The counter link: the HTTPS service on the branch LAN that counter consoles (`branch-kiosk counter`)
  // and now-serving displays talk to (docs/architecture.md, "Counter link"). Off while `listen` is empty.
  // Relative file paths are taken under the kiosk's data directory.
  struct Counters {
    std::string listen;              // "HOST:PORT" to listen on, e.g. "0.0.0.0:8765"; empty: off
    std::filesystem::path tls_cert;  // PEM server certificate (chain) of this appliance
    std::filesystem::path tls_key;   // its PEM private key
    // "<counter>:<sha256 hex>" (a counter console, counter 1-999) or "display:<sha256 hex>" (a now-serving
    // display): the SHA-256 of each bearer token, as `branch-kiosk counter-token` prints it. The tokens
    // themselves are never stored.
    std::vector<std::string> tokens;
    friend bool operator==(const Counters&, const Counters&) = default;
  } counters;

  struct Logging {
    std::string level = "info";  // trace, debug, info, warn, error, off
    int max_file_kib = 5120;     // one log file rotates at this size
    int max_files = 3;           // rotated files kept besides the current one
    friend bool operator==(const Logging&, const Logging&) = default;
  } logging;

  friend bool operator==(const KioskConfig&, const KioskConfig&) = default;
};

// One problem found in a config. `line` and `column` are 1-based, 0 when unknown (a rule that spans
// keys none of which is in the file, a file that cannot be read). `key` is dotted ("kiosk.time_zone"),
// empty when the problem is not about one key (a syntax error, an unreadable file).
struct ConfigIssue {
  std::string file;
  int line = 0;
  int column = 0;
  std::string key;
  std::string message;
  friend bool operator==(const ConfigIssue&, const ConfigIssue&) = default;
};

// One line, compiler style: `kiosk.toml:12:3: kiosk.time_zone: unknown IANA time zone "Europe/Osl"`.
// Line and column are left out when 0, the key when empty.
std::string describe(const ConfigIssue& issue);

struct ConfigResult {
  std::optional<KioskConfig> config;  // set only when `issues` is empty
  std::vector<ConfigIssue> issues;    // in file order; issues without a line come last
  bool ok() const { return config.has_value(); }
};

// Parses and validates a TOML document. `source_name` is used as ConfigIssue::file. Documents over
// k_max_config_bytes or not valid UTF-8 are rejected before parsing. At most k_max_config_issues issues
// are reported; a last one says how many more were left out.
ConfigResult parse_config(std::string_view toml_text, std::string_view source_name);

// Reads `file` and parses it. A file that cannot be read (missing, a directory, no permission) is one
// issue carrying the operating system's reason. Issues name the file as `file.string()`.
ConfigResult load_config_file(const std::filesystem::path& file);

// The documented defaults; the same as KioskConfig{}.
KioskConfig default_config();

// Checks the rules on a config built in code (defaults plus command-line overrides, for instance).
// Issues carry `source_name` as the file and no line numbers.
std::vector<ConfigIssue> validate_config(const KioskConfig& config, std::string_view source_name = {});

inline constexpr std::size_t k_max_config_bytes = std::size_t{1024} * 1024;
inline constexpr std::size_t k_max_config_issues = 100;

// The names used in the TOML file.
std::string_view to_string(Profile profile);
std::string_view to_string(DisplayMode mode);
std::string_view to_string(PrinterTransport transport);
std::string_view to_string(PrintMode mode);
std::string_view to_string(SyncPolicy policy);
std::optional<Profile> parse_profile(std::string_view name);
std::optional<DisplayMode> parse_display_mode(std::string_view name);
std::optional<PrinterTransport> parse_printer_transport(std::string_view name);
std::optional<PrintMode> parse_print_mode(std::string_view name);
std::optional<SyncPolicy> parse_sync_policy(std::string_view name);

// The bundle kinds this kiosk knows how to apply (sync.bundle_kinds may list only these): "config" (the
// runtime settings of app/runtime_config.hpp) and the content kinds of app/content_updates.hpp.
inline constexpr std::array<std::string_view, 5> k_applicable_bundle_kinds = {"config", "surveys", "services",
                                                                              "bookings", "announcements"};
// One entry of staff.pin_hashes, split. parse_staff_pin_slot returns nullopt for a malformed entry;
// staff_pin_slot_problem says what is wrong without repeating the hash.
struct StaffPinSlot {
  std::string slot_id;
  std::string role;
  std::string hash;
  friend bool operator==(const StaffPinSlot&, const StaffPinSlot&) = default;
};
std::optional<StaffPinSlot> parse_staff_pin_slot(std::string_view entry);
std::optional<std::string> staff_pin_slot_problem(std::string_view entry);

// One entry of counters.tokens, split: who the token acts for and the SHA-256 of the token (64 lower-case
// hex digits). parse_counter_token_entry returns nullopt for a malformed entry; counter_token_problem says
// what is wrong.
struct CounterTokenEntry {
  std::optional<int> counter;  // set for a counter console's token; empty for the display's
  std::string sha256_hex;
  friend bool operator==(const CounterTokenEntry&, const CounterTokenEntry&) = default;
};
inline constexpr int k_max_counter_number = 999;
// "1".."999" without sign or leading zeros (one spelling per counter); nothing otherwise.
std::optional<int> parse_counter_number(std::string_view text);
std::optional<CounterTokenEntry> parse_counter_token_entry(std::string_view entry);
std::optional<std::string> counter_token_problem(std::string_view entry);

}  // namespace kiosk::app
