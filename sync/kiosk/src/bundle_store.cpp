#include "sync/bundle_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "domain/event.hpp"

namespace kiosk::sync {
namespace {

BundleReport reject(std::string message) {
  BundleReport report;
  report.outcome = BundleOutcome::rejected;
  report.message = std::move(message);
  return report;
}

std::optional<std::string> read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Writes `data` to `file` and fsyncs it; false with `error` set on any failure.
bool write_synced(const std::filesystem::path& file, std::string_view data, std::string& error) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) {
    error = "cannot create " + file.string() + ": " + std::strerror(errno);
    return false;
  }
  std::size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      error = "cannot write " + file.string() + ": " + std::strerror(errno);
      ::close(fd);
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    error = "cannot fsync " + file.string() + ": " + std::strerror(errno);
    ::close(fd);
    return false;
  }
  ::close(fd);
  return true;
}

// Makes the renames in `dir` durable.
void sync_directory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

bool rename_over(const std::filesystem::path& from, const std::filesystem::path& to, std::string& error) {
  std::error_code ec;
  std::filesystem::rename(from, to, ec);
  if (ec) {
    error = "cannot rename " + from.string() + " to " + to.string() + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace

BundleStore::BundleStore(std::filesystem::path directory, std::vector<std::string> public_key_pems)
    : m_directory(std::move(directory)), m_keys(std::move(public_key_pems)) {
  std::error_code ec;
  std::filesystem::create_directories(m_directory, ec);
}

std::filesystem::path BundleStore::file_for(std::string_view kind, std::string_view scope,
                                            std::string_view suffix) const {
  // kind and scope were validated by the protocol parser ([a-z0-9_] and [A-Za-z0-9_-]): safe in a name.
  return m_directory / (std::string(kind) + "." + std::string(scope) + std::string(suffix));
}

std::optional<protocol::Bundle> BundleStore::load(const std::filesystem::path& file) const {
  const auto text = read_file(file);
  if (!text) {
    return std::nullopt;
  }
  const auto signed_bundle = protocol::parse_signed_bundle(*text);
  if (!signed_bundle) {
    return std::nullopt;
  }
  auto bundle = protocol::verify_bundle(signed_bundle.value(), m_keys);
  if (!bundle) {
    return std::nullopt;
  }
  return std::move(bundle).value();
}

std::optional<protocol::Bundle> BundleStore::current(std::string_view kind, std::string_view scope) const {
  return load(file_for(kind, scope, ".bundle"));
}

std::optional<protocol::Bundle> BundleStore::previous(std::string_view kind, std::string_view scope) const {
  return load(file_for(kind, scope, ".previous"));
}

BundleReport BundleStore::apply(std::string_view signed_bundle_text,
                                std::chrono::system_clock::time_point now) {
  const auto signed_bundle = protocol::parse_signed_bundle(signed_bundle_text);
  if (!signed_bundle) {
    return reject("bundle refused: " + signed_bundle.error());
  }
  const auto verified = protocol::verify_bundle(signed_bundle.value(), m_keys);
  if (!verified) {
    return reject("bundle refused: " + verified.error());
  }
  const protocol::Bundle& bundle = verified.value();
  BundleReport report = reject("");
  report.kind = bundle.kind;
  report.scope = bundle.scope;
  report.version = bundle.version;
  const std::string name = bundle.kind + "/" + bundle.scope + " v" + std::to_string(bundle.version);

  const auto not_before = domain::parse_rfc3339_utc(bundle.not_before);
  const auto expires = domain::parse_rfc3339_utc(bundle.expires);
  if (!not_before || !expires) {
    report.message = "bundle " + name + " refused: not_before/expires are not RFC 3339 times";
    return report;
  }
  if (now < *not_before) {
    report.message = "bundle " + name + " refused: not valid before " + bundle.not_before;
    return report;
  }
  if (now >= *expires) {
    report.message = "bundle " + name + " refused: expired at " + bundle.expires;
    return report;
  }
  const auto applied = current(bundle.kind, bundle.scope);
  if (applied && bundle.version == applied->version) {
    report.outcome = BundleOutcome::already_applied;
    report.message = "bundle " + name + " is already applied";
    return report;
  }
  if (applied && bundle.version < applied->version) {
    report.message = "bundle " + name + " refused: rollback (v" + std::to_string(applied->version) +
                     " is applied; versions only go up)";
    return report;
  }

  std::string error;
  const auto target = file_for(bundle.kind, bundle.scope, ".bundle");
  const auto staged = file_for(bundle.kind, bundle.scope, ".bundle.tmp");
  if (!write_synced(staged, signed_bundle_text, error)) {
    report.message = "bundle " + name + " not applied: " + error;
    return report;
  }
  if (applied) {
    const auto previous_staged = file_for(bundle.kind, bundle.scope, ".previous.tmp");
    const auto old_text = read_file(target);
    if (!old_text || !write_synced(previous_staged, *old_text, error) ||
        !rename_over(previous_staged, file_for(bundle.kind, bundle.scope, ".previous"), error)) {
      std::filesystem::remove(staged);
      report.message = "bundle " + name + " not applied: cannot keep the previous one: " + error;
      return report;
    }
  }
  if (!rename_over(staged, target, error)) {
    std::error_code ec;
    std::filesystem::remove(staged, ec);
    report.message = "bundle " + name + " not applied: " + error;
    return report;
  }
  sync_directory(m_directory);
  report.outcome = BundleOutcome::applied;
  report.message = "bundle " + name + " applied";
  return report;
}

}  // namespace kiosk::sync
