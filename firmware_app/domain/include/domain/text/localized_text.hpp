#pragma once
// Text that exists in several languages (service names, complaint categories, survey questions), keyed by
// the kiosk's BCP 47 tags ("en", "ru", "zh-Hans", "nb").
//
// Guarantees: in() never fails; it falls back to English, then to the first language present, then to an
// empty string, so a screen always has something to draw and a missing translation is visible in tests
// through has(), not through a crash.

#include <map>
#include <string>
#include <string_view>

namespace kiosk::domain {

class LocalizedText {
 public:
  using Map = std::map<std::string, std::string, std::less<>>;

  LocalizedText() = default;
  explicit LocalizedText(Map texts) : m_texts(std::move(texts)) {}

  void set(std::string language, std::string text) { m_texts[std::move(language)] = std::move(text); }
  const std::string& in(std::string_view language) const;
  bool has(std::string_view language) const { return m_texts.find(language) != m_texts.end(); }
  bool empty() const { return m_texts.empty(); }
  const Map& all() const { return m_texts; }

  friend bool operator==(const LocalizedText&, const LocalizedText&) = default;

 private:
  Map m_texts;
};

}  // namespace kiosk::domain
