#pragma once
// Private to kiosk_store: the only header that includes sqlite3.h. Public headers keep SQLite behind pimpl
// so code that links the store never sees SQLite's API.

#include <sqlite3.h>

#include <string_view>

#include "store/database.hpp"

namespace kiosk::store::detail {

struct DatabaseAccess {
  static sqlite3* handle(Database& db);
};

// Throws StoreError for result code `rc`, with the connection's message when it has one.
[[noreturn]] void throw_error(sqlite3* db, int rc, std::string_view sql);

}  // namespace kiosk::store::detail
