#pragma once
// A fresh directory under the system temp dir for one test, removed with everything in it when the test
// ends. Permissions a test took away (chmod 0500) are given back first so the cleanup can delete.

#include <stdlib.h>

#include <cerrno>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace kiosk::test {

class TempDir {
 public:
  explicit TempDir(std::string_view prefix = "kiosk-test") {
    std::string pattern =
        (std::filesystem::temp_directory_path() / (std::string(prefix) + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    }
    m_path = pattern;
  }

  ~TempDir() {
    std::error_code ec;
    restore_permissions(m_path);
    for (auto it = std::filesystem::recursive_directory_iterator(m_path, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec) && !it->is_symlink(ec)) {
        restore_permissions(it->path());
      }
    }
    std::filesystem::remove_all(m_path, ec);
  }

  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(std::string_view name) const { return m_path / name; }

 private:
  static void restore_permissions(const std::filesystem::path& directory) {
    std::error_code ec;
    std::filesystem::permissions(directory, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
  }

  std::filesystem::path m_path;
};

}  // namespace kiosk::test
