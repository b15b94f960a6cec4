#include "files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <vector>

#include <fmt/format.h>

namespace kiosk::store::detail {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 3> k_sibling_suffixes{"-wal", "-shm", "-journal"};
constexpr std::string_view k_sqlite_header{"SQLite format 3\0", 16};
constexpr std::uintmax_t k_min_database_size = 100;  // the database header alone is 100 bytes

std::string errno_text(int err) {
  return std::error_code(err, std::generic_category()).message();
}

fs::path with_suffix(const fs::path& file, std::string_view suffix) {
  fs::path result = file;
  result += std::string(suffix);
  return result;
}

bool exists_no_follow(const fs::path& path) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(path, ec));
}

std::vector<fs::path> existing_siblings(const fs::path& db_file) {
  std::vector<fs::path> found;
  for (const auto suffix : k_sibling_suffixes) {
    const fs::path sibling = with_suffix(db_file, suffix);
    if (exists_no_follow(sibling)) {
      found.push_back(sibling);
    }
  }
  return found;
}

std::string utc_stamp(std::chrono::system_clock::time_point now) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(now);
  const auto day = std::chrono::floor<std::chrono::days>(seconds);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{seconds - day};
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

// The first "<name>.corrupt-<stamp>[.N]" for which neither the name nor any sibling name exists.
fs::path free_aside_name(const fs::path& db_file, std::chrono::system_clock::time_point now) {
  const std::string base = db_file.string() + ".corrupt-" + utc_stamp(now);
  for (int n = 1;; ++n) {
    fs::path candidate = n == 1 ? fs::path(base) : fs::path(base + "." + std::to_string(n));
    bool taken = exists_no_follow(candidate);
    for (const auto suffix : k_sibling_suffixes) {
      taken = taken || exists_no_follow(with_suffix(candidate, suffix));
    }
    if (!taken) {
      return candidate;
    }
  }
}

// rename(2) that fails with EEXIST instead of replacing the target. Returns 0 or an errno value.
int rename_no_replace(const fs::path& from, const fs::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) {
    return 0;
  }
  const int err = errno;
  if (err != EINVAL && err != ENOSYS) {
    return err;
  }
  // The file system cannot rename atomically without replacing; check first. Only this process renames
  // files in the store's directory, so the gap between check and rename is harmless.
  if (exists_no_follow(to)) {
    return EEXIST;
  }
  return std::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
}

// Makes the renames durable before a new database is created under the old name.
void sync_directory(const fs::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

fs::path parent_or_current(const fs::path& db_file) {
  return db_file.has_parent_path() ? db_file.parent_path() : fs::path(".");
}

}  // namespace

std::optional<std::string> prepare_location(const fs::path& db_file) {
  const fs::path directory = parent_or_current(db_file);
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec) {
    return fmt::format("cannot create directory '{}': {}", directory.string(), ec.message());
  }
  if (!fs::is_directory(directory, ec)) {
    return fmt::format("'{}' is not a directory", directory.string());
  }
  if (::access(directory.c_str(), W_OK | X_OK) != 0) {
    return fmt::format("cannot write in directory '{}': {}", directory.string(), errno_text(errno));
  }
  const auto status = fs::status(db_file, ec);
  if (fs::exists(status)) {
    if (!fs::is_regular_file(status)) {
      return fmt::format("'{}' exists but is not a regular file", db_file.string());
    }
    if (::access(db_file.c_str(), R_OK | W_OK) != 0) {
      return fmt::format("cannot read and write '{}': {}", db_file.string(), errno_text(errno));
    }
  }
  return std::nullopt;
}

FileInspection inspect_database_file(const fs::path& db_file) {
  std::error_code ec;
  const auto size = fs::exists(db_file, ec) ? fs::file_size(db_file, ec) : 0;
  if (ec) {
    return {FileState::unreadable, fmt::format("cannot read '{}': {}", db_file.string(), ec.message())};
  }
  if (size == 0) {
    const auto siblings = existing_siblings(db_file);
    if (siblings.empty()) {
      return {FileState::fresh, {}};
    }
    return {FileState::damaged, fmt::format("'{}' is missing or empty but '{}' exists", db_file.string(),
                                            siblings.front().string())};
  }
  const int fd = ::open(db_file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return {FileState::unreadable, fmt::format("cannot read '{}': {}", db_file.string(), errno_text(errno))};
  }
  std::array<char, k_sqlite_header.size()> header{};
  const ssize_t got = ::read(fd, header.data(), header.size());
  const int read_errno = errno;
  ::close(fd);
  if (got < 0) {
    return {FileState::unreadable,
            fmt::format("cannot read '{}': {}", db_file.string(), errno_text(read_errno))};
  }
  if (size < k_min_database_size ||
      std::string_view(header.data(), static_cast<std::size_t>(got)) != k_sqlite_header) {
    return {FileState::damaged, "not a SQLite database (no SQLite file header)"};
  }
  return {FileState::sqlite, {}};
}

MoveAside move_aside(const fs::path& db_file, std::chrono::system_clock::time_point now) {
  MoveAside result;
  result.moved_to = free_aside_name(db_file, now);
  std::vector<std::pair<fs::path, fs::path>> moves;
  for (const auto suffix : k_sibling_suffixes) {
    const fs::path sibling = with_suffix(db_file, suffix);
    if (exists_no_follow(sibling)) {
      moves.emplace_back(sibling, with_suffix(result.moved_to, suffix));
    }
  }
  if (exists_no_follow(db_file)) {
    moves.emplace_back(db_file, result.moved_to);
  }
  for (const auto& [from, to] : moves) {
    if (const int err = rename_no_replace(from, to); err != 0) {
      result.error =
          fmt::format("cannot rename '{}' to '{}': {}", from.string(), to.string(), errno_text(err));
      break;
    }
  }
  sync_directory(parent_or_current(db_file));
  return result;
}

}  // namespace kiosk::store::detail
