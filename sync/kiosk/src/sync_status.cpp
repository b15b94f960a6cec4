#include "sync/sync_status.hpp"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

#include <spdlog/spdlog.h>

namespace kiosk::sync {

SyncStatusSnapshot SyncStatus::snapshot() const {
  std::lock_guard lock(m_mutex);
  return m_state;
}

void SyncStatus::set_transport(std::string name) {
  std::lock_guard lock(m_mutex);
  m_state.transport = std::move(name);
}

void SyncStatus::set_connected(bool connected, std::string reason) {
  std::lock_guard lock(m_mutex);
  m_state.connected = connected;
  if (!connected) {
    m_state.last_disconnect_reason = std::move(reason);
  }
}

void SyncStatus::set_backlog(std::int64_t backlog, std::int64_t in_flight_batches,
                             std::optional<std::chrono::seconds> oldest_unconfirmed_age, bool storage_alarm) {
  std::lock_guard lock(m_mutex);
  m_state.backlog = backlog;
  m_state.backlog_counted = true;
  m_state.in_flight_batches = in_flight_batches;
  m_state.oldest_unconfirmed_age = oldest_unconfirmed_age;
  m_state.storage_alarm = storage_alarm;
}

void SyncStatus::set_quarantined(std::int64_t quarantined) {
  std::lock_guard lock(m_mutex);
  m_state.quarantined = quarantined;
}

void SyncStatus::add_confirmed(std::int64_t rows, std::chrono::system_clock::time_point at) {
  std::lock_guard lock(m_mutex);
  m_state.confirmed_total += rows;
  m_state.last_confirmation = at;
}

void SyncStatus::add_shed(std::int64_t rows) {
  std::lock_guard lock(m_mutex);
  m_state.shed_total += rows;
}

void SyncStatus::set_trust_alarm(bool alarm, std::string detail) {
  std::lock_guard lock(m_mutex);
  m_state.trust_alarm = alarm;
  m_state.trust_detail = std::move(detail);
}

void SyncStatus::set_certificate_days_left(std::optional<int> days) {
  std::lock_guard lock(m_mutex);
  m_state.certificate_days_left = days;
}

std::optional<int> certificate_days_left(const std::filesystem::path& pem_file,
                                         std::chrono::system_clock::time_point now, std::string& error) {
  const std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_file(pem_file.c_str(), "r"), &BIO_free);
  if (!bio) {
    error = "cannot open certificate " + pem_file.string();
    return std::nullopt;
  }
  const std::unique_ptr<X509, decltype(&X509_free)> cert(
      PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), &X509_free);
  if (!cert) {
    error = "not a PEM certificate: " + pem_file.string();
    return std::nullopt;
  }
  const std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> at(
      ASN1_TIME_set(nullptr, std::chrono::system_clock::to_time_t(now)), &ASN1_TIME_free);
  int days = 0;
  int seconds = 0;
  if (!at || ASN1_TIME_diff(&days, &seconds, at.get(), X509_get0_notAfter(cert.get())) != 1) {
    error = "cannot read notAfter of " + pem_file.string();
    return std::nullopt;
  }
  // ASN1_TIME_diff gives days and seconds with the same sign; an expired certificate with less than a day
  // past notAfter still counts as expired (-1), not as 0 days left.
  if (days <= 0 && seconds < 0) {
    --days;
  }
  return days;
}

void record_certificate_days(const std::filesystem::path& pem_file, SyncStatus& status) {
  std::string error;
  const auto days = certificate_days_left(pem_file, std::chrono::system_clock::now(), error);
  if (!days) {
    spdlog::warn("sync: client certificate: {}", error);
  } else if (*days < 30) {
    spdlog::warn("sync: client certificate {} expires in {} days", pem_file.string(), *days);
  }
  status.set_certificate_days_left(days);
}

}  // namespace kiosk::sync
