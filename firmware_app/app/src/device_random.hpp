#pragma once
// Randomness for lookup codes: the operating system's generator.

#include <cstdint>
#include <random>

#include "domain/uuid.hpp"

namespace kiosk::app {

class DeviceRandom final : public domain::RandomSource {
 public:
  std::uint64_t next_u64() override {
    std::uniform_int_distribution<std::uint64_t> all;
    return all(m_device);
  }

 private:
  std::random_device m_device;
};

}  // namespace kiosk::app
