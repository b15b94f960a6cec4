#pragma once
// Writes each job as job-<n>.bin into a directory (a print-to-file printer for development, tests and
// kiosks whose jobs another process forwards). A job file appears whole or not at all: the bytes go to a
// temporary file that is fsynced and then linked to its final name, which never replaces an existing job.
// Numbers continue after the highest job-<n>.bin already in the directory.

#include <cstdint>
#include <filesystem>

#include "printer/transport.hpp"

namespace kiosk::printer {

class FileDirectoryTransport final : public PrinterTransport {
 public:
  explicit FileDirectoryTransport(std::filesystem::path directory);

  // unavailable when the directory is missing or not writable; io_error when it is full.
  SendResult send(std::span<const std::byte> job, std::chrono::milliseconds timeout) override;
  std::string describe() const override;

  const std::filesystem::path& directory() const { return m_directory; }

 private:
  std::filesystem::path m_directory;
  std::uint64_t m_next_number = 0;  // 0: not yet scanned
};

}  // namespace kiosk::printer
