#pragma once
// The result of reading untrusted wire data: a value, or a message that names what is wrong. Parsers in
// sync/protocol never throw out of their API; they return one of these.

#include <optional>
#include <string>
#include <utility>

namespace kiosk::sync::protocol {

template <typename T>
class Parsed {
 public:
  static Parsed success(T value) {
    Parsed result;
    result.m_value = std::move(value);
    return result;
  }
  static Parsed failure(std::string error) {
    Parsed result;
    result.m_error = std::move(error);
    return result;
  }

  bool ok() const { return m_value.has_value(); }
  explicit operator bool() const { return ok(); }
  // Only valid when ok().
  const T& value() const& { return *m_value; }
  T& value() & { return *m_value; }
  T&& value() && { return std::move(*m_value); }
  // Empty when ok(); otherwise says which field is wrong and why.
  const std::string& error() const { return m_error; }

 private:
  Parsed() = default;
  std::optional<T> m_value;
  std::string m_error;
};

}  // namespace kiosk::sync::protocol
