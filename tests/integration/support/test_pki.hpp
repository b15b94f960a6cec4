#pragma once
// The development PKI (scripts/dev-pki.sh), made once per test binary in a temp dir that is removed when
// the binary exits. File names are the script's: ca.crt, broker.*, headoffice.*, kiosk-01.*, kiosk-02.*,
// kiosk-expired.*, kiosk-future.*, kiosk-other.* (other CA), bundle-current.key/.pub, bundle-next.key/.pub.

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "temp_dir.hpp"

namespace kiosk::test {

class TestPki {
 public:
  static const TestPki& instance() {
    static const TestPki pki;
    return pki;
  }
  const std::filesystem::path& dir() const { return m_dir.path(); }
  std::filesystem::path file(const std::string& name) const { return m_dir / name; }

 private:
  TestPki() : m_dir("kiosk-pki") {
    const std::string command = "bash '" KIOSK_SOURCE_DIR "/scripts/dev-pki.sh' '" + m_dir.path().string() +
                                "' > '" + (m_dir / "dev-pki.log").string() + "' 2>&1";
    if (std::system(command.c_str()) != 0 || !std::filesystem::exists(m_dir / "kiosk-01.crt")) {
      throw std::runtime_error("scripts/dev-pki.sh failed; see " + (m_dir / "dev-pki.log").string());
    }
  }
  TempDir m_dir;
};

}  // namespace kiosk::test
