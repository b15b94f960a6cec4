#include "domain/text/localized_text.hpp"

#include "domain/text/parse_result.hpp"

namespace kiosk::domain {

const std::string& LocalizedText::in(std::string_view language) const {
  static const std::string k_empty;
  if (auto found = m_texts.find(language); found != m_texts.end()) return found->second;
  if (auto english = m_texts.find(std::string_view{"en"}); english != m_texts.end()) return english->second;
  if (!m_texts.empty()) return m_texts.begin()->second;
  return k_empty;
}

std::string describe(const ParseIssue& issue) {
  if (issue.path.empty()) return issue.message;
  return issue.path + ": " + issue.message;
}

}  // namespace kiosk::domain
