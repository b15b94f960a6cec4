// The counter link end to end (issue 6): the real `branch-kiosk run --headless` with [counters] on a free
// loopback port with TLS, 30 tickets waiting in its store, and two `branch-kiosk counter --do` loops for
// counters 1 and 2 calling and finishing tickets at the same time until the queue is empty. Every ticket
// must be called exactly once across both counters and none missed. Then the refusals a LAN attacker or
// a misconfigured console meets: a wrong token (401), another counter's token (403), the display token
// trying to call (403), a console that does not trust the link's CA (no connection), an unknown path (404).
// Bounded waits and loops throughout.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <date/date.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "counter_link/client.hpp"
#include "counter_link/token.hpp"
#include "domain/event.hpp"
#include "free_port.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/ticket_repository.hpp"
#include "store/transaction.hpp"
#include "temp_dir.hpp"
#include "test_pki.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr int k_tickets = 30;

struct CommandResult {
  int exit_code = -1;
  std::string output;
};

// Runs a command line through the shell, its stdout captured (stderr goes to the test's log).
CommandResult run_command(const std::string& command_line) {
  CommandResult result;
  FILE* pipe = ::popen(command_line.c_str(), "r");
  if (pipe == nullptr) {
    return result;
  }
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
    result.output += buffer;
  }
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string quoted(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

std::string today_utc() {
  return date::format("%F", date::floor<date::days>(std::chrono::system_clock::now()));
}

class CounterLinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_port = free_port();
    for (int counter : {1, 2}) {
      m_tokens[counter] = counter_link::generate_token();
      write_file(token_file(counter), m_tokens[counter] + "\n");
    }
    m_display_token = counter_link::generate_token();
    write_file(m_dir / "display.token", m_display_token + "\n");
    write_config();
  }

  void TearDown() override { m_kiosk.stop(); }

  // Token files as an installer would leave them: readable by their owner only.
  static void write_file(const std::filesystem::path& file, const std::string& text) {
    {
      std::ofstream out(file);
      out << text;
    }
    std::filesystem::permissions(file,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  }

  std::filesystem::path token_file(int counter) const {
    return m_dir / ("counter-" + std::to_string(counter) + ".token");
  }

  void write_config() {
    std::ofstream out(m_config);
    out << "[kiosk]\nbranch_id = \"br-001\"\nkiosk_id = \"kiosk-01\"\ntime_zone = \"UTC\"\n"
        << "[languages]\ndefault = \"en\"\nenabled = [\"en\"]\n"
        << "[display]\nmode = \"headless\"\nwidth = 800\nheight = 480\n"
        << "[counters]\nlisten = \"127.0.0.1:" << m_port << "\"\n"
        << "tls_cert = \"" << m_pki.file("branch.crt").string() << "\"\n"
        << "tls_key = \"" << m_pki.file("branch.key").string() << "\"\n"
        << "tokens = [\"" << counter_link::token_config_entry({1}, m_tokens[1]) << "\", \""
        << counter_link::token_config_entry({2}, m_tokens[2]) << "\", \""
        << counter_link::token_config_entry({}, m_display_token) << "\"]\n";
  }

  // k_tickets tickets waiting today, across three services, as the check-in desk would have issued them.
  std::set<std::string> issue_tickets() {
    store::OpenReport report;
    auto store = store::Store::open(m_data / "kiosk.db", report);
    EXPECT_NE(store, nullptr) << report.message;
    std::set<std::string> ids;
    if (!store) {
      return ids;
    }
    const std::array<std::pair<const char*, const char*>, 3> services{
        {{"cash", "A"}, {"accounts", "B"}, {"loans", "C"}}};
    const auto start =
        std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()) - 10min;
    store::Transaction tx(store->database());
    store::TicketRepository tickets(store->database());
    for (int i = 0; i < k_tickets; ++i) {
      const auto& [service, prefix] = services[static_cast<std::size_t>(i) % services.size()];
      store::TicketRow row;
      row.issued_at = start + std::chrono::seconds(i);
      row.id = store->new_event_id(row.issued_at);
      row.service_id = service;
      row.local_day = today_utc();
      row.number = i / 3 + 1;
      row.display = fmt::format("{}{:03}", prefix, row.number);
      row.language = "en";
      tickets.insert(tx, row);
      ids.insert(row.id);
    }
    tx.commit();
    return ids;
  }

  void start_kiosk() {
    m_kiosk.start({KIOSK_BINARY, "run", "--headless", "--duration", "300", "--config", m_config.string(),
                   "--data-dir", m_data.string(), "--out-dir", (m_dir / "png").string()},
                  m_dir / "kiosk.log");
    const auto give_up = std::chrono::steady_clock::now() + 90s;
    while (!port_accepts(m_port) && std::chrono::steady_clock::now() < give_up && !m_kiosk.exited()) {
      std::this_thread::sleep_for(100ms);
    }
    ASSERT_TRUE(port_accepts(m_port)) << "the counter link did not start; see " << (m_dir / "kiosk.log");
  }

  std::string console(int counter, const std::string& action, const std::filesystem::path& ca) const {
    return std::string(KIOSK_BINARY) + " counter --counter " + std::to_string(counter) +
           " --link https://127.0.0.1:" + std::to_string(m_port) + " --ca " + quoted(ca) + " --token-file " +
           quoted(token_file(counter)) + " --do " + action + " 2>>" + quoted(m_dir / "console.log");
  }

  // A headless now-serving display polling the link for `seconds`, with the token in `token_file`.
  CommandResult run_display(const std::filesystem::path& token_file, int seconds) const {
    return run_command(std::string(KIOSK_BINARY) + " run --role display --headless --duration " +
                       std::to_string(seconds) + " --link https://127.0.0.1:" + std::to_string(m_port) +
                       " --ca " + quoted(m_pki.file("ca.crt")) + " --token-file " + quoted(token_file) +
                       " --data-dir " + quoted(m_dir / "display") + " --out-dir " +
                       quoted(m_dir / "display-png") + " 2>&1");
  }

  CommandResult act(int counter, const std::string& action) const {
    return run_command(console(counter, action, m_pki.file("ca.crt")));
  }

  counter_link::LinkClient client(const std::string& token, const std::string& ca = "ca.crt") const {
    return counter_link::LinkClient(
        {"https://127.0.0.1:" + std::to_string(m_port), m_pki.file(ca), token, 3000ms, 10000ms});
  }

  // Calls and finishes tickets at `counter` until the link says the queue is empty; returns the ids called.
  std::vector<std::string> serve_until_empty(int counter, std::string& failure) const {
    std::vector<std::string> called;
    for (int round = 0; round <= k_tickets + 2; ++round) {
      const auto next = act(counter, "next");
      const auto reply = json::parse(next.output, nullptr, false);
      if (next.exit_code != 0) {
        if (!reply.is_discarded() && reply.value("error", "") == "queue_empty") {
          return called;
        }
        failure = "counter " + std::to_string(counter) + " next: exit " + std::to_string(next.exit_code) +
                  " " + next.output;
        return called;
      }
      if (reply.is_discarded() || !reply.contains("ticket") || !reply["ticket"].is_object()) {
        failure = "counter " + std::to_string(counter) + " next: unreadable reply " + next.output;
        return called;
      }
      called.push_back(reply["ticket"].value("ticket_id", ""));
      const auto done = act(counter, "done");
      if (done.exit_code != 0) {
        failure = "counter " + std::to_string(counter) + " done: exit " + std::to_string(done.exit_code) +
                  " " + done.output;
        return called;
      }
    }
    failure = "counter " + std::to_string(counter) + " never saw an empty queue";
    return called;
  }

  const TestPki& m_pki = TestPki::instance();
  TempDir m_dir{"counter-link"};
  std::filesystem::path m_data = m_dir / "data";
  std::filesystem::path m_config = m_dir / "kiosk.toml";
  int m_port = 0;
  std::map<int, std::string> m_tokens;
  std::string m_display_token;
  ChildProcess m_kiosk;
};

TEST_F(CounterLinkTest, TwoCountersCallingAtOnceNeverShareATicketAndMissNone) {
  const auto issued = issue_tickets();
  ASSERT_EQ(issued.size(), static_cast<std::size_t>(k_tickets));
  start_kiosk();
  for (int counter : {1, 2}) {
    const auto opened = act(counter, "open cash accounts loans");
    ASSERT_EQ(opened.exit_code, 0) << opened.output;
    EXPECT_EQ(json::parse(opened.output)["counter"]["open"], true) << opened.output;
  }

  std::string failure_1;
  std::string failure_2;
  std::vector<std::string> called_1;
  std::vector<std::string> called_2;
  std::thread counter_2([&] { called_2 = serve_until_empty(2, failure_2); });
  called_1 = serve_until_empty(1, failure_1);
  counter_2.join();
  EXPECT_EQ(failure_1, "");
  EXPECT_EQ(failure_2, "");

  // Both counters really worked the queue at the same time.
  EXPECT_GT(called_1.size(), 0u);
  EXPECT_GT(called_2.size(), 0u);
  std::multiset<std::string> all(called_1.begin(), called_1.end());
  all.insert(called_2.begin(), called_2.end());
  EXPECT_EQ(all.size(), issued.size())
      << "counter 1 called " << called_1.size() << ", counter 2 " << called_2.size();
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()), issued) << "a ticket was called twice or missed";
  for (const auto& id : issued) {
    EXPECT_EQ(all.count(id), 1u) << id;
  }

  // The store agrees: every ticket served, each by exactly one counter.
  {
    store::Database db(m_data / "kiosk.db", store::OpenMode::read_only);
    store::Statement served(db, "SELECT count(*) FROM tickets WHERE status = 'served'");
    served.step();
    EXPECT_EQ(served.column_int64(0), k_tickets);
  }

  // The display sees each ticket called once, in call order.
  auto display = client(m_display_token);
  const auto now_serving = counter_link::fetch_now_serving(display, 0, 100);
  ASSERT_EQ(now_serving.status, 200) << now_serving.message();
  ASSERT_TRUE(now_serving.body["calls"].is_array());
  EXPECT_EQ(now_serving.body["calls"].size(), static_cast<std::size_t>(k_tickets));
  std::int64_t previous_seq = 0;
  for (const auto& call : now_serving.body["calls"]) {
    EXPECT_GT(call["seq"].get<std::int64_t>(), previous_seq);
    previous_seq = call["seq"].get<std::int64_t>();
    EXPECT_FALSE(call.contains("ticket_id"));
  }
  EXPECT_EQ(now_serving.body["latest_seq"], previous_seq);
  const auto nothing_new = display.get("/v1/now-serving?after=" + std::to_string(previous_seq));
  EXPECT_EQ(nothing_new.body["calls"].size(), 0u);

  const auto status = act(1, "status");
  EXPECT_EQ(status.exit_code, 0) << status.output;
  EXPECT_TRUE(json::parse(status.output)["current"].is_null());

  // The hall display (`run --role display`) reads the same calls through the link with its own token.
  const auto shown = run_display(m_dir / "display.token", 3);
  EXPECT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_THAT(shown.output, testing::HasSubstr("Counter link: connected")) << shown.output;
  EXPECT_THAT(shown.output,
              testing::MatchesRegex("(.|\n)*Ran [0-9]+ s: [1-9][0-9]* updates, 0 failed, [1-9][0-9]* "
                                    "calls shown(.|\n)*"))
      << shown.output;
}

TEST_F(CounterLinkTest, TheInteractiveConsoleWorksEveryAction) {
  issue_tickets();
  start_kiosk();
  const auto script = m_dir / "script.txt";
  write_file(script,
             "help\nopen cash\nnxt\nnext\nrecall\nback\nnext\nnoshow\nnext\ntransfer loans\nnext\ndone\n"
             "close\nstatus\nquit\nnext\n");
  const auto session = run_command(std::string(KIOSK_BINARY) +
                                   " counter --counter 1 --link https://127.0.0.1:" + std::to_string(m_port) +
                                   " --ca " + quoted(m_pki.file("ca.crt")) + " --token-file " +
                                   quoted(token_file(1)) + " < " + quoted(script));
  EXPECT_EQ(session.exit_code, 0) << session.output;
  const auto& out = session.output;
  for (const auto* expected :
       {"counter 1 [closed]> ", "transfer SERVICE" /* help */, "counter open for cash",
        "unknown command \"nxt\"", "called A001 (cash)", "counter 1 [A001]> ", "recalled A001",
        "A001 is back in the queue", "A001 did not come" /* called again first: its place was kept */,
        "called A002 (cash)", "A002 sent to loans", "called A003 (cash)", "A003 served", "counter closed",
        "counter 1 (closed) | now: nobody | waiting: "}) {
    EXPECT_THAT(out, testing::HasSubstr(expected));
  }
  // quit ends the session: the "next" after it is never sent.
  EXPECT_EQ(out.find("called A004"), std::string::npos);

  // The transferred customer waits for loans under the same number.
  store::Database db(m_data / "kiosk.db", store::OpenMode::read_only);
  store::Statement moved(db,
                         "SELECT count(*) FROM tickets WHERE service_id = 'loans' AND display = 'A002' AND "
                         "status = 'waiting'");
  moved.step();
  EXPECT_EQ(moved.column_int64(0), 1);
}

TEST_F(CounterLinkTest, RefusesWhoeverMayNotAct) {
  issue_tickets();
  start_kiosk();

  // A wrong token: 401, and the refusal is JSON.
  const auto stranger_token = counter_link::generate_token();
  write_file(m_dir / "stranger.token", stranger_token + "\n");
  auto stranger = client(stranger_token);
  const auto unauthorized = stranger.post("/v1/counters/1/call-next", json::object());
  EXPECT_EQ(unauthorized.status, 401);
  EXPECT_EQ(unauthorized.error(), "unauthorized");

  // Counter 1's token cannot act for counter 2.
  auto counter_1 = client(m_tokens[1]);
  const auto forbidden = counter_1.post("/v1/counters/2/call-next", json::object());
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(forbidden.error(), "forbidden");
  EXPECT_EQ(counter_1.get("/v1/counters/2").status, 403);

  // The display token reads now-serving and nothing else.
  auto display = client(m_display_token);
  EXPECT_EQ(display.post("/v1/counters/1/call-next", json::object()).status, 403);
  // A display with a counter's token file still only reads: and one with a wrong token shows no call.
  const auto refused_display = run_display(m_dir / "stranger.token", 2);
  EXPECT_THAT(refused_display.output, testing::HasSubstr("0 updates")) << refused_display.output;
  EXPECT_THAT(refused_display.output, testing::HasSubstr("HTTP 401")) << refused_display.output;
  EXPECT_EQ(display.post("/v1/counters/1/open", json{{"services", {"cash"}}}).status, 403);
  EXPECT_EQ(display.get("/v1/now-serving").status, 200);

  // Unknown paths are 404 with a JSON body; a refusal by the queue is 409 with the domain's error name.
  const auto missing = counter_1.get("/v1/admin");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.error(), "not_found");
  const auto closed = counter_1.post("/v1/counters/1/call-next", json::object());
  EXPECT_EQ(closed.status, 409);
  EXPECT_EQ(closed.error(), "counter_closed");

  // A console that trusts another CA never talks to the link (and never sends its token).
  auto misled = client(m_tokens[1], "other-ca.crt");
  const auto untrusted = misled.get("/v1/counters/1");
  EXPECT_EQ(untrusted.status, 0);
  EXPECT_FALSE(untrusted.transport_error.empty());
  const auto cli_untrusted = run_command(console(1, "status", m_pki.file("other-ca.crt")));
  EXPECT_EQ(cli_untrusted.exit_code, 1);
  EXPECT_EQ(json::parse(cli_untrusted.output, nullptr, false).value("error", ""), "transport")
      << cli_untrusted.output;

  // The CLI with a token for another counter: exit 1 and the JSON refusal.
  std::filesystem::copy_file(token_file(1), token_file(2), std::filesystem::copy_options::overwrite_existing);
  const auto wrong_counter = act(2, "next");
  EXPECT_EQ(wrong_counter.exit_code, 1);
  EXPECT_EQ(json::parse(wrong_counter.output, nullptr, false).value("error", ""), "forbidden")
      << wrong_counter.output;

  // Guessing tokens gets the address throttled: 429 with Retry-After, even for a right token afterwards.
  int throttled_at = 0;
  for (int attempt = 1; attempt <= 20 && throttled_at == 0; ++attempt) {
    auto guesser = client(counter_link::generate_token());
    if (guesser.get("/v1/counters/1").status == 429) {
      throttled_at = attempt;
    }
  }
  EXPECT_GT(throttled_at, 1);
  const auto blocked = counter_1.get("/v1/counters/1");
  EXPECT_EQ(blocked.status, 429);
  EXPECT_TRUE(blocked.retry_after_seconds.has_value());
}

}  // namespace
}  // namespace kiosk::test
