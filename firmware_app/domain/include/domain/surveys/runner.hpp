#pragma once
// Running one survey for one customer: which pages and questions are visible for the answers so far,
// page navigation, required-answer checks, and the completed result.
//
// Behaves as SurveyJS does for the supported subset: a page is shown when its own condition holds and
// at least one of its questions is visible; a question's visibleIf decides its visibility (else its
// "visible" flag); required questions block "next"/"complete" only while visible; choosing "other" needs
// its text (SurveyJS's "Response required: enter another value"), whether or not the question is
// required; values of questions that are invisible at completion are dropped (clearInvisibleValues
// "onComplete"), while during the survey hidden answers are kept and still count in conditions.
//
// Guarantees: pure (no clock, no I/O), never throws for any input, copyable (a copy shares the immutable
// definition and owns its answers), and a default-constructed runner is an empty survey that cannot
// complete. Answers are validated and stored canonically: the choice's own value (a "5" for choice 5 is
// stored as 5).

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/surveys/definition.hpp"
#include "domain/surveys/expression.hpp"

namespace kiosk::domain::surveys {

struct MissingAnswer {
  enum class Reason { required, other_text };
  std::string question;
  Reason reason = Reason::required;
  friend bool operator==(const MissingAnswer&, const MissingAnswer&) = default;
};

struct SetAnswerResult {
  bool ok = true;
  std::string error;  // when !ok: what is wrong, e.g. `question "nps": 11 is not one of its values`
};

struct CompletedSurvey {
  std::string survey_id;
  int version = 1;
  Answers answers;   // only visible questions' answers (and "<name>-Comment" for a chosen "other")
  std::string json;  // {"survey":"visit","version":3,"answers":{...}}
};

class SurveyRunner {
 public:
  SurveyRunner();
  explicit SurveyRunner(SurveyDefinition definition);

  const SurveyDefinition& definition() const { return *m_definition; }
  const Answers& answers() const { return m_answers; }

  bool is_question_visible(const Question& question) const;
  bool is_page_visible(std::size_t page_index) const;
  std::vector<std::size_t> visible_pages() const;
  std::vector<const Question*> visible_questions(std::size_t page_index) const;

  // The page on screen (index into definition().pages), or nullptr for an empty survey.
  std::size_t current_page_index() const { return m_current; }
  const Page* current_page() const;

  SetAnswerResult set_answer(std::string_view question, const AnswerValue& value);
  // The text of the "other" choice; the question must have showOtherItem.
  SetAnswerResult set_other_text(std::string_view question, std::string_view text);
  void clear_answer(std::string_view question);

  // Visible questions on the current page that still need an answer, in page order.
  std::vector<MissingAnswer> missing_required() const;

  bool is_first_page() const;
  bool is_last_page() const;  // no visible page after the current one
  bool can_next() const { return !is_last_page() && missing_required().empty(); }
  bool next();  // false (and no move) unless can_next()
  bool back();  // false on the first visible page
  bool can_complete() const;
  // The result when can_complete(); nullopt otherwise.
  std::optional<CompletedSurvey> complete() const;

 private:
  std::optional<std::size_t> visible_page_after(std::size_t index) const;
  std::optional<std::size_t> visible_page_before(std::size_t index) const;
  bool is_other_selected(const Question& question) const;

  std::shared_ptr<const SurveyDefinition> m_definition;
  Answers m_answers;
  std::size_t m_current = 0;
};

}  // namespace kiosk::domain::surveys
