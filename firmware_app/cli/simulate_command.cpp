// simulate: synthetic customers tap through the real UI, headless, against a real store (and a printer
// when asked). Each session picks a flow and a language at random (seeded: the same seed gives the same
// customers), taps the widgets a person would tap, and types through the production text-input path. The
// last line printed is a JSON summary, for scripts and benchmarks.
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "app/kiosk_services.hpp"
#include "cli/commands.hpp"
#include "cli/ui_session.hpp"
#include "platform/sdl_runtime.hpp"
#include "ui/headless_kiosk.hpp"

namespace kiosk::cli {
namespace {

// Tuesday 24 November 2026, 09:00 UTC (10:00 in Oslo).
constexpr std::chrono::sys_seconds k_simulation_start{std::chrono::seconds{1795510800}};

struct Summary {
  int sessions = 0;
  int tickets = 0;
  int complaints = 0;
  int surveys = 0;
  int lookups = 0;
  int abandoned = 0;
  int errors = 0;
};

// One synthetic customer at the screen.
class Customer {
 public:
  Customer(ui::HeadlessKiosk& kiosk, app::KioskApp& app, platform::ManualClock& clock,
           std::mt19937_64& random, bool trace)
      : m_kiosk(kiosk), m_app(app), m_clock(clock), m_random(random), m_trace(trace) {}

  // Reports a confirmation the customer now sees (crash tests compare these with the store after kill -9).
  void confirmed(std::string_view kind, std::string_view id) const {
    if (m_trace)
      std::cout << "confirmed " << kind << ' ' << id << std::endl;  // flushed: the process may die
  }
  const app::CustomerSession& session() const { return m_app.session(); }

  bool tap(std::string_view id) {
    // A person needs a moment between taps; with the clock standing still, two taps on the same spot of
    // consecutive screens would look like one bounced press to the UI and the second would be dropped.
    m_clock.advance(k_time_between_taps);
    if (m_kiosk.tap(id))
      return true;
    m_missing = std::string(id);
    return false;
  }
  bool tap_prefix(std::string_view prefix) {
    std::vector<std::string> candidates;
    for (const auto& widget : m_kiosk.widgets().widgets()) {
      if (widget.tappable && widget.id.starts_with(prefix))
        candidates.push_back(widget.id);
    }
    if (candidates.empty()) {
      m_missing = std::string(prefix) + "*";
      return false;
    }
    return tap(candidates[pick(candidates.size())]);
  }
  // The names of the survey questions that offer something to tap ("survey.q.<name>.<part>...").
  std::vector<std::string> questions_on_screen() const {
    constexpr std::string_view prefix = "survey.q.";
    std::vector<std::string> names;
    for (const auto& widget : m_kiosk.widgets().widgets()) {
      if (!widget.tappable || !widget.id.starts_with(prefix))
        continue;
      const auto rest = std::string_view(widget.id).substr(prefix.size());
      auto name = std::string(rest.substr(0, rest.find('.')));
      if (std::find(names.begin(), names.end(), name) == names.end())
        names.push_back(std::move(name));
    }
    return names;
  }
  void type(std::string_view text) { m_kiosk.type(text); }
  app::ScreenId screen() const { return m_app.session().screen; }
  std::size_t pick(std::size_t count) {
    return std::uniform_int_distribution<std::size_t>(0, count - 1)(m_random);
  }
  bool chance(double p) { return std::bernoulli_distribution(p)(m_random); }
  const std::string& missing() const { return m_missing; }

 private:
  static constexpr std::chrono::milliseconds k_time_between_taps{700};

  ui::HeadlessKiosk& m_kiosk;
  app::KioskApp& m_app;
  platform::ManualClock& m_clock;
  std::mt19937_64& m_random;
  bool m_trace = false;
  std::string m_missing;
};

const std::vector<std::string> k_descriptions = {
    "The ATM kept my card after I entered my PIN.\nI need it back today.",
    "I was charged a fee of {$25.00} that nobody told me about.",
    "Jeg ventet i 40 minutter uten at noen kom.",
    "Банкомат не выдал деньги, но сумма списана со счёта.",
    "Transfer to XXXX never arrived \"as promised\".",
};

bool checkin(Customer& c, Summary& s) {
  if (!c.tap("home.entry.checkin"))
    return false;
  if (!c.tap_prefix("checkin.service."))
    return false;
  if (c.screen() != app::ScreenId::checkin_ticket)
    return false;
  c.confirmed("ticket", c.session().checkin.ticket->id);
  ++s.tickets;
  return c.tap("ticket.action.finish");
}

bool complaint(Customer& c, Summary& s) {
  if (!c.tap("home.entry.complaint") || !c.tap_prefix("complaint.choice.") ||
      !c.tap_prefix("complaint.choice.")) {
    return false;
  }
  c.type(k_descriptions[c.pick(k_descriptions.size())]);
  if (!c.tap("details.keyboard.key.done") && !c.tap("details.action.next"))
    return false;
  if (c.screen() == app::ScreenId::complaint_details && !c.tap("details.action.next"))
    return false;
  if (c.chance(0.5)) {
    if (!c.tap("field.complaint.phone"))
      return false;
    c.type("+47 912 34 567");
    c.tap("contact.keyboard.key.done");
    if (!c.tap("contact.toggle.consent"))
      return false;
  }
  if (!c.tap("contact.action.next") || !c.tap("review.action.submit"))
    return false;
  if (c.screen() != app::ScreenId::complaint_done)
    return false;
  c.confirmed("complaint", c.session().complaint.receipt->id);
  ++s.complaints;
  return c.tap("done.action.finish");
}

bool survey(Customer& c, Summary& s) {
  if (!c.tap("home.entry.survey"))
    return false;
  if (c.screen() == app::ScreenId::survey_ticket && !c.tap("survey_ticket.action.without_ticket"))
    return false;
  for (int page = 0; page < 10 && c.screen() == app::ScreenId::survey_page; ++page) {
    // Like a person: one answer to each question on the page (optional ones too), then Next.
    for (const auto& question : c.questions_on_screen())
      c.tap_prefix("survey.q." + question + ".");
    if (!c.tap("survey.action.next"))
      return false;
  }
  if (c.screen() != app::ScreenId::survey_done)
    return false;
  ++s.surveys;
  return c.tap("survey_done.action.finish");
}

bool lookup(Customer& c, Summary& s) {
  if (!c.tap("home.entry.status"))
    return false;
  c.type("ABC-00001-X");
  if (!c.tap("field.status.code"))
    return false;
  c.type("1234");
  c.tap("status.keyboard.key.done");
  if (!c.tap("status.action.look_up"))
    return false;
  ++s.lookups;  // a wrong pair is the expected answer for a made-up reference
  return true;
}

}  // namespace

int simulate(const SimulateOptions& options) {
  auto config = load_config_or_report(options.startup);
  if (!config)
    return k_exit_bad_config;
  config->display.mode = app::DisplayMode::headless;
  if (options.printer_dir) {
    config->printer.transport = app::PrinterTransport::file;
    config->printer.target = options.printer_dir->string();
  }
  auto startup_options = options.startup;
  startup_options.log_to_file = false;
  std::optional<std::filesystem::path> scratch;
  if (!startup_options.data_dir && !startup_options.config_file) {
    // Synthetic customers never land in a real kiosk's data unless a data folder is named.
    scratch = std::filesystem::temp_directory_path() /
              ("branch-kiosk-simulate-" + std::to_string(std::random_device{}()));
    startup_options.data_dir = *scratch;
    std::cout << "simulate: data in " << scratch->string() << '\n';
  }
  auto startup = app::prepare_startup(std::move(*config), startup_options);
  Summary summary;
  std::uint64_t print_jobs = 0;
  const auto started = std::chrono::steady_clock::now();
  try {
    platform::SdlRuntime sdl(platform::SdlRuntime::Video::none);
    // A simulated Tuesday from 10:00 branch time, 40 s per customer: the shipped services are open, and the
    // same seed gives the same run whatever the wall clock says.
    platform::ManualClock clock(k_simulation_start);
    auto fonts = font_request(startup);
    auto kiosk_app = make_app(startup, clock);
    auto services = app::make_kiosk_services(startup.store.get(), startup.config, startup.assets_dir,
                                             startup.data_dir, clock, kiosk_app->catalogs());
    services.attach_to(*kiosk_app);
    fonts.glyph_text +=
        app::content_glyph_text(services.desk ? services.desk->content() : app::DeskContent{});
    ui::HeadlessKiosk kiosk(*kiosk_app, clock, std::move(fonts), startup.config.display.width,
                            startup.config.display.height);
    kiosk.runner().settle();  // the attract screen is drawn before the first customer taps it
    std::mt19937_64 random(options.seed);
    Customer customer(kiosk, *kiosk_app, clock, random, options.trace);
    const auto& languages = startup.config.languages.enabled;
    for (int session = 0; session < options.sessions; ++session) {
      ++summary.sessions;
      clock.advance(std::chrono::seconds{40});
      if (!customer.tap("attract.start")) {
        ++summary.errors;
        continue;
      }
      const auto& language = languages[customer.pick(languages.size())];
      if (customer.tap("bar.language"))
        customer.tap("language.choice." + language);
      const double roll = std::uniform_real_distribution<double>(0.0, 1.0)(random);
      bool completed = true;
      if (roll < 0.45) {
        completed = checkin(customer, summary);
      } else if (roll < 0.70) {
        completed = survey(customer, summary);
      } else if (roll < 0.85) {
        completed = complaint(customer, summary);
      } else if (roll < 0.95) {
        completed = lookup(customer, summary);
      } else {
        ++summary.abandoned;
      }
      if (!completed) {
        ++summary.errors;
        spdlog::warn("session {} stopped on screen {} (missing widget {})", session,
                     app::screen_key(customer.screen()), customer.missing());
      }
      if (customer.screen() != app::ScreenId::attract)
        customer.tap("bar.start_over");
      if (services.printing)
        services.printing->poll();
    }
    if (services.printing) {
      // Let the spooler finish: bounded, the transports time out on their own.
      for (int wait = 0; wait < 100 && services.printing->busy(); ++wait) {
        std::this_thread::sleep_for(std::chrono::milliseconds{50});
        services.printing->poll();
      }
      print_jobs = services.printing->jobs_submitted();
      summary.errors += static_cast<int>(services.printing->jobs_failed());
    }
  } catch (const std::exception& error) {
    std::cerr << "simulate: " << error.what() << '\n';
    return k_exit_failure;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const nlohmann::json result{{"sessions", summary.sessions},
                              {"tickets", summary.tickets},
                              {"complaints", summary.complaints},
                              {"surveys", summary.surveys},
                              {"lookups", summary.lookups},
                              {"abandoned", summary.abandoned},
                              {"print_jobs", print_jobs},
                              {"errors", summary.errors},
                              {"seconds", seconds},
                              {"sessions_per_second", seconds > 0 ? summary.sessions / seconds : 0.0}};
  std::cout << result.dump() << '\n';
  return summary.errors == 0 ? k_exit_ok : k_exit_failure;
}

}  // namespace kiosk::cli
