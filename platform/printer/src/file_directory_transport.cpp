#include "printer/file_directory_transport.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "posix_io.hpp"

namespace kiosk::printer {
namespace {

using detail::errno_text;
using detail::UniqueFd;

// A full disk is an io_error (staff must free space); everything that means "this directory cannot take
// jobs" is unavailable.
PrinterFault fault_for(int error) {
  switch (error) {
    case ENOENT:
    case ENOTDIR:
    case EACCES:
    case EPERM:
    case EROFS:
      return PrinterFault::unavailable;
    default:
      return PrinterFault::io_error;
  }
}

// The highest n of the job-<n>.bin files in `directory` (0 when none).
std::uint64_t highest_job_number(const std::filesystem::path& directory) {
  std::uint64_t highest = 0;
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(directory, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= 8 || !name.starts_with("job-") || !name.ends_with(".bin"))
      continue;
    std::uint64_t number = 0;
    const char* first = name.data() + 4;
    const char* last = name.data() + name.size() - 4;
    const auto [end, error] = std::from_chars(first, last, number);
    if (error == std::errc{} && end == last && number > highest)
      highest = number;
  }
  return highest;
}

}  // namespace

FileDirectoryTransport::FileDirectoryTransport(std::filesystem::path directory)
    : m_directory(std::move(directory)) {}

std::string FileDirectoryTransport::describe() const {
  return fmt::format("file printer {}", m_directory.string());
}

SendResult FileDirectoryTransport::send(std::span<const std::byte> job, std::chrono::milliseconds timeout) {
  // Local files do not block for long; the timeout matters for the other transports.
  (void)timeout;
  const auto fail = [this](int error, std::string_view what) {
    return SendResult::failure(fault_for(error),
                               fmt::format("{}: {}: {}", describe(), what, errno_text(error)));
  };

  struct stat info {};
  if (::stat(m_directory.c_str(), &info) != 0)
    return fail(errno, "directory");
  if (!S_ISDIR(info.st_mode))
    return fail(ENOTDIR, "directory");

  std::string temp_name = (m_directory / ".job-XXXXXX.tmp").string();
  UniqueFd fd(::mkstemps(temp_name.data(), 4));
  if (!fd.valid())
    return fail(errno, "create job file");
  // Whatever happens below, the temporary name goes away; the job survives only under its final name.
  struct TempRemover {
    const std::string& path;
    ~TempRemover() { ::unlink(path.c_str()); }
  } remover{temp_name};

  const auto written = detail::write_all(fd.get(), job, detail::Clock::now() + std::chrono::hours(1), false);
  if (written.error != 0)
    return fail(written.error, "write job file");
  if (::fsync(fd.get()) != 0)
    return fail(errno, "fsync job file");
  if (const int error = fd.close_now(); error != 0)
    return fail(error, "close job file");

  if (m_next_number == 0)
    m_next_number = highest_job_number(m_directory) + 1;
  // link() never replaces an existing file, so a job another writer numbered the same is kept; the
  // bound only stops a pathological directory from looping forever.
  for (int attempt = 0; attempt < 1000; ++attempt) {
    const auto final_path = m_directory / fmt::format("job-{}.bin", m_next_number);
    if (::link(temp_name.c_str(), final_path.c_str()) == 0) {
      ++m_next_number;
      UniqueFd dir(::open(m_directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
      if (dir.valid() && ::fsync(dir.get()) != 0)
        return fail(errno, "fsync directory");
      return SendResult::success();
    }
    if (errno != EEXIST)
      return fail(errno, "name job file");
    m_next_number = highest_job_number(m_directory) + 1;
  }
  return SendResult::failure(PrinterFault::io_error,
                             fmt::format("{}: no free job-<n>.bin name after 1000 attempts", describe()));
}

}  // namespace kiosk::printer
