#include "i18n/po_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace kiosk::i18n {
namespace {

// Real catalogs are well under 1 MiB; the cap keeps a wrong path (a disk image, /dev/zero) from eating
// the kiosk's memory at start.
constexpr std::uintmax_t k_max_po_file_size = 16u << 20;

bool read_whole_file(const std::filesystem::path& path, std::string* contents, std::string* why) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error) {
    *why = "cannot read file: " + error.message();
    return false;
  }
  if (size > k_max_po_file_size) {
    *why = "file too large (" + std::to_string(size) + " bytes)";
    return false;
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    *why = std::string("cannot open file: ") + std::strerror(errno);
    return false;
  }
  contents->assign(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
  if (stream.bad()) {
    *why = "read error";
    return false;
  }
  return true;
}

}  // namespace

bool PoEntry::has_flag(std::string_view flag) const {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

bool PoEntry::is_translated() const {
  return !msgstr.empty() &&
         std::none_of(msgstr.begin(), msgstr.end(), [](const auto& s) { return s.empty(); });
}

std::optional<std::string_view> PoFile::header_field(std::string_view name) const {
  const auto it = header.find(name);
  if (it == header.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::string PoError::describe() const {
  if (line == 0) {
    return source + ": " + message;
  }
  return source + ":" + std::to_string(line) + ": " + message;
}

std::optional<PoFile> read_po_file(const std::filesystem::path& path, PoError* error) {
  std::string contents;
  std::string why;
  if (!read_whole_file(path, &contents, &why)) {
    if (error != nullptr) {
      *error = PoError{path.string(), 0, why};
    }
    return std::nullopt;
  }
  return parse_po(contents, path.string(), error);
}

}  // namespace kiosk::i18n
