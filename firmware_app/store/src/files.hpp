#pragma once
// Private to kiosk_store: the file-system side of opening a store - checking that the location is usable,
// recognising a damaged file before SQLite touches it, and moving a damaged file aside without ever deleting
// or overwriting anything. POSIX only, like the kiosk.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::store::detail {

// Creates the parent directories, then checks the directory is writable (SQLite creates -wal and -shm files
// beside the database) and that the file, if present, is a regular file we can read and write. Returns a
// message naming the path and the reason (errno text) when the location is unusable.
std::optional<std::string> prepare_location(const std::filesystem::path& db_file);

enum class FileState {
  fresh,       // no file (or an empty one) and no leftover -wal/-shm/-journal: SQLite will create it
  sqlite,      // starts with the SQLite header; SQLite decides the rest
  damaged,     // not a SQLite database, or journal files left with no database to belong to
  unreadable,  // could not be read; `reason` says why
};

struct FileInspection {
  FileState state = FileState::unreadable;
  std::string reason;
};

// Looks at the file without SQLite. Catching a foreign file here matters: SQLite, given a non-empty -wal
// next to an empty database, deletes the -wal, and given any -wal it rewrites the -shm.
FileInspection inspect_database_file(const std::filesystem::path& db_file);

struct MoveAside {
  std::filesystem::path moved_to;  // where the database file went (set even if only siblings existed)
  std::string error;               // empty on success
};

// Renames the database and its -wal, -shm and -journal siblings to "<name>.corrupt-<yyyymmddThhmmssZ>"
// (plus ".2", ".3", ... if any of those names is taken) with the same suffixes. Siblings go first, so a
// crash half way never leaves an old -wal beside a new database. Never replaces an existing file.
MoveAside move_aside(const std::filesystem::path& db_file, std::chrono::system_clock::time_point now);

}  // namespace kiosk::store::detail
