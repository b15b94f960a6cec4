#pragma once
// A prepared statement. Parameters are bound by 1-based index, columns are read by 0-based index (SQLite's
// own conventions). The statement is finalized when the object dies; it must not outlive its Database.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::store {

class Database;

class Statement {
 public:
  // Throws StoreError if the SQL does not compile. `sql` must be a single statement.
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Values are copied into SQLite at bind time, so the arguments may die right after the call.
  void bind_int64(int index, std::int64_t value);
  void bind_double(int index, double value);
  void bind_text(int index, std::string_view value);
  void bind_blob(int index, std::span<const std::byte> value);
  void bind_null(int index);
  // Sets every parameter back to NULL.
  void clear_bindings();

  // Runs the statement to its next row: true when a row is ready for the column getters, false when the
  // statement has finished. Throws StoreError on failure.
  bool step();
  // Runs a statement that returns no rows (INSERT, UPDATE, ...) to completion.
  void run();
  // Makes the statement ready to step again from the start; bindings are kept.
  void reset();

  int column_count() const;
  bool column_is_null(int column) const;
  std::int64_t column_int64(int column) const;
  int column_int(int column) const;
  double column_double(int column) const;
  std::string column_text(int column) const;  // "" for NULL
  std::vector<std::byte> column_blob(int column) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace kiosk::store
