// headoffice-ingest: the head-office receiver and its tools. main() only wires the command line to the
// subcommands in commands.cpp.
#include <CLI/CLI.hpp>

#include "commands.hpp"

int main(int argc, char** argv) {
  namespace cli = kiosk::headoffice::cli;
  CLI::App app{"headoffice-ingest: receive kiosk events, report, publish bundles and complaint status"};
  app.require_subcommand(1);

  // serve: MQTT shared subscription and/or HTTPS receiver
  cli::ServeArgs serve;
  std::int64_t reorder_ms = 30'000;
  auto* serve_cmd = app.add_subcommand("serve", "receive batches over MQTT and/or HTTPS");
  serve_cmd->add_option("--mqtt", serve.mqtt_uri, "broker URI, e.g. ssl://127.0.0.1:8883");
  serve_cmd->add_option("--https", serve.https_listen, "HOST:PORT to serve HTTPS on (port 0: any free port)");
  serve_cmd->add_option("--db", serve.db, "head-office SQLite file")->required();
  serve_cmd->add_option("--tls-dir", serve.tls_dir, "directory with ca.crt, headoffice.crt, headoffice.key")
      ->required();
  serve_cmd->add_option("--client-id", serve.client_id, "MQTT client id (default headoffice-ingest-PID)");
  serve_cmd->add_option("--reorder-timeout-ms", reorder_ms, "how old a seq gap gets before a resend request")
      ->check(CLI::Range(std::int64_t{10}, std::int64_t{86'400'000}));

  // report
  std::filesystem::path report_db;
  bool report_json = false;
  auto* report_cmd = app.add_subcommand("report", "per branch and kiosk summary");
  report_cmd->add_option("--db", report_db, "head-office SQLite file")->required();
  report_cmd->add_flag("--json", report_json, "machine-readable output");

  // register: the kiosk registry (kiosk id = certificate CN -> branch)
  std::filesystem::path register_db;
  std::string register_kiosk;
  std::string register_branch;
  auto* register_cmd = app.add_subcommand("register", "add a kiosk to the registry or move it");
  register_cmd->add_option("--db", register_db, "head-office SQLite file")->required();
  register_cmd->add_option("--kiosk", register_kiosk, "kiosk id (certificate CN)")->required();
  register_cmd->add_option("--branch", register_branch, "branch id")->required();

  // publish: sign and store a bundle, announce it on MQTT
  cli::PublishArgs publish;
  std::string publish_branch;
  auto* publish_cmd = app.add_subcommand("publish", "sign a downstream bundle and publish its pointer");
  publish_cmd->add_option("--kind", publish.kind, "config, surveys, services, bookings, announcements")
      ->required();
  publish_cmd->add_option("--file", publish.file, "JSON payload")->required();
  publish_cmd->add_option("--key", publish.key, "Ed25519 private key (PEM)")->required();
  publish_cmd->add_option("--branch", publish_branch, "scope: one branch (default: all)");
  publish_cmd->add_option("--db", publish.db, "head-office SQLite file")->required();
  publish_cmd->add_option("--mqtt", publish.mqtt_uri, "broker URI for the retained pointer");
  publish_cmd->add_option("--tls-dir", publish.tls_dir,
                          "directory with ca.crt, headoffice.crt, headoffice.key");
  publish_cmd->add_option("--valid-days", publish.valid_days, "days until the bundle expires")
      ->check(CLI::Range(1, 3650));

  // complaint-status
  std::filesystem::path status_db;
  std::string status_ref;
  std::string status_value;
  std::string status_note;
  auto* status_cmd = app.add_subcommand("complaint-status", "append a complaint status change for its kiosk");
  status_cmd->add_option("--db", status_db, "head-office SQLite file")->required();
  status_cmd->add_option("--ref", status_ref, "complaint reference")->required();
  status_cmd->add_option("--status", status_value, "new status, e.g. in_progress, resolved")->required();
  auto* note_option = status_cmd->add_option("--note", status_note, "note for the customer");

  CLI11_PARSE(app, argc, argv);

  if (serve_cmd->parsed()) {
    serve.reorder_timeout = std::chrono::milliseconds(reorder_ms);
    return cli::serve(serve);
  }
  if (report_cmd->parsed()) {
    return cli::report(report_db, report_json);
  }
  if (register_cmd->parsed()) {
    return cli::register_kiosk(register_db, register_kiosk, register_branch);
  }
  if (publish_cmd->parsed()) {
    if (!publish_branch.empty()) {
      publish.branch = publish_branch;
    }
    return cli::publish(publish);
  }
  return cli::complaint_status(
      status_db, status_ref, status_value,
      note_option->count() > 0 ? std::optional<std::string>(status_note) : std::nullopt);
}
