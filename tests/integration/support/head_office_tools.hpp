#pragma once
// Head office's operator commands run as the real tool for tests: `headoffice-ingest publish` (sign and
// store a bundle, optionally announce its retained pointer) and `headoffice-ingest complaint-status`.
// Each waits, bounded, for the tool to exit and returns what it printed, so the caller asserts on it
// ("published <kind>", "complaint <ref> -> <status>"). The test binary must define HEADOFFICE_INGEST_BIN.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "child_process.hpp"
#include "test_pki.hpp"

namespace kiosk::test {

inline std::string run_head_office_tool(const std::vector<std::string>& args,
                                        const std::filesystem::path& log,
                                        std::chrono::seconds limit = std::chrono::seconds{30}) {
  std::error_code ignored;
  std::filesystem::remove(log, ignored);  // only this run's output counts
  ChildProcess process;
  process.start(args, log);
  const bool exited = process.wait_exit(limit);
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  return exited ? text.str() : text.str() + "\n(headoffice-ingest did not exit in time)";
}

// Publishes `payload` (JSON text) as a `kind` bundle for `branch` (none: scope "all"), signed with the test
// PKI's current bundle key. With a `broker_uri`, the retained pointer goes out on that broker.
inline std::string publish_bundle(const TestPki& pki, const std::filesystem::path& ho_db,
                                  const std::filesystem::path& work_dir, const std::string& kind,
                                  const std::string& payload, const std::optional<std::string>& branch,
                                  const std::string& broker_uri = {}) {
  const auto file = work_dir / (kind + "-payload.json");
  std::ofstream(file) << payload;
  std::vector<std::string> args{HEADOFFICE_INGEST_BIN,
                                "publish",
                                "--kind",
                                kind,
                                "--file",
                                file.string(),
                                "--key",
                                pki.file("bundle-current.key").string(),
                                "--db",
                                ho_db.string()};
  if (branch)
    args.insert(args.end(), {"--branch", *branch});
  if (!broker_uri.empty())
    args.insert(args.end(), {"--mqtt", broker_uri, "--tls-dir", pki.dir().string()});
  return run_head_office_tool(args, work_dir / "publish.log");
}

// Appends a status change for the complaint `ref` to head office's change log for its kiosk.
inline std::string record_complaint_status(const std::filesystem::path& ho_db,
                                           const std::filesystem::path& work_dir, const std::string& ref,
                                           const std::string& status,
                                           const std::optional<std::string>& note = std::nullopt) {
  std::vector<std::string> args{
      HEADOFFICE_INGEST_BIN, "complaint-status", "--db", ho_db.string(), "--ref", ref, "--status", status};
  if (note)
    args.insert(args.end(), {"--note", *note});
  return run_head_office_tool(args, work_dir / "status.log");
}

}  // namespace kiosk::test
