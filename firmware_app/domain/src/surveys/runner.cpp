#include "domain/surveys/runner.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "domain/text/utf8.hpp"

namespace kiosk::domain::surveys {
namespace {

const SurveyDefinition& empty_definition() {
  static const SurveyDefinition k_empty;
  return k_empty;
}

SetAnswerResult refuse(std::string_view question, std::string what) {
  return SetAnswerResult{false, fmt::format("question \"{}\": {}", question, what)};
}

// The choice's own value when `value` equals it by SurveyJS's rules.
std::optional<AnswerValue> canonical_choice(const std::vector<Choice>& choices, const AnswerValue& value) {
  for (const Choice& choice : choices) {
    if (answers_equal(choice.value, value))
      return choice.value;
  }
  return std::nullopt;
}

std::vector<Choice> selectable(const Question& question) {
  std::vector<Choice> all = question.choices;
  if (question.has_none)
    all.push_back(Choice{"none", question.none_text});
  if (question.has_other)
    all.push_back(Choice{"other", question.other_text});
  return all;
}

bool selects(const AnswerValue& answer, std::string_view special) {
  if (answer.is_array()) {
    return std::any_of(answer.begin(), answer.end(),
                       [&](const AnswerValue& v) { return v.is_string() && v == special; });
  }
  return answer.is_string() && answer == special;
}

std::optional<AnswerValue> validate_checkbox(const Question& question, const AnswerValue& value,
                                             std::string& error) {
  if (!value.is_array()) {
    error = "a checkbox answer is a list of values";
    return std::nullopt;
  }
  const std::vector<Choice> choices = selectable(question);
  AnswerValue stored = AnswerValue::array();
  for (const AnswerValue& item : value) {
    auto canonical = canonical_choice(choices, item);
    if (!canonical) {
      error = fmt::format("{} is not one of its choices", item.dump());
      return std::nullopt;
    }
    if (std::any_of(stored.begin(), stored.end(),
                    [&](const AnswerValue& seen) { return seen == *canonical; })) {
      error = fmt::format("{} is chosen twice", canonical->dump());
      return std::nullopt;
    }
    stored.push_back(*canonical);
  }
  if (stored.size() > 1 && selects(stored, "none")) {
    error = "\"none\" cannot be chosen together with other choices";
    return std::nullopt;
  }
  return stored;
}

std::optional<AnswerValue> validate(const Question& question, const AnswerValue& value, std::string& error) {
  switch (question.type) {
    case QuestionType::rating:
      if (auto canonical = canonical_choice(question.rating.values, value))
        return canonical;
      error = fmt::format("{} is not one of its rating values", value.dump());
      return std::nullopt;
    case QuestionType::radiogroup:
      if (auto canonical = canonical_choice(selectable(question), value))
        return canonical;
      error = fmt::format("{} is not one of its choices", value.dump());
      return std::nullopt;
    case QuestionType::checkbox:
      return validate_checkbox(question, value, error);
    case QuestionType::boolean:
      if (answers_equal(question.value_true, value))
        return question.value_true;
      if (answers_equal(question.value_false, value))
        return question.value_false;
      error = fmt::format("{} is neither its true nor its false value", value.dump());
      return std::nullopt;
    case QuestionType::comment: {
      if (!value.is_string()) {
        error = "a comment answer is text";
        return std::nullopt;
      }
      const std::string& text = value.get_ref<const std::string&>();
      const auto limit = static_cast<std::size_t>(question.max_length.value_or(k_max_comment_length));
      if (!is_valid_utf8(text)) {
        error = "text is not valid UTF-8";
        return std::nullopt;
      }
      if (count_code_points(text) > limit) {
        error = fmt::format("text is longer than {} characters", limit);
        return std::nullopt;
      }
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace

SurveyRunner::SurveyRunner() : m_definition(std::shared_ptr<const SurveyDefinition>(), &empty_definition()) {}

SurveyRunner::SurveyRunner(SurveyDefinition definition)
    : m_definition(std::make_shared<const SurveyDefinition>(std::move(definition))) {
  // Start on the first page that is visible with no answers (a hidden first page is skipped).
  if (auto first = visible_page_after(0); first && !is_page_visible(0))
    m_current = *first;
}

bool SurveyRunner::is_question_visible(const Question& question) const {
  if (question.visible_if)
    return evaluate(*question.visible_if, m_answers);
  return question.visible;
}

bool SurveyRunner::is_page_visible(std::size_t page_index) const {
  if (page_index >= definition().pages.size())
    return false;
  const Page& page = definition().pages[page_index];
  const bool own = page.visible_if ? evaluate(*page.visible_if, m_answers) : page.visible;
  if (!own)
    return false;
  return std::any_of(page.questions.begin(), page.questions.end(),
                     [this](const Question& question) { return is_question_visible(question); });
}

std::vector<std::size_t> SurveyRunner::visible_pages() const {
  std::vector<std::size_t> pages;
  for (std::size_t i = 0; i < definition().pages.size(); ++i) {
    if (is_page_visible(i))
      pages.push_back(i);
  }
  return pages;
}

std::vector<const Question*> SurveyRunner::visible_questions(std::size_t page_index) const {
  std::vector<const Question*> questions;
  if (page_index >= definition().pages.size())
    return questions;
  for (const Question& question : definition().pages[page_index].questions) {
    if (is_question_visible(question))
      questions.push_back(&question);
  }
  return questions;
}

const Page* SurveyRunner::current_page() const {
  if (m_current >= definition().pages.size())
    return nullptr;
  return &definition().pages[m_current];
}

SetAnswerResult SurveyRunner::set_answer(std::string_view name, const AnswerValue& value) {
  const Question* question = definition().find_question(name);
  if (question == nullptr)
    return refuse(name, "no such question in this survey");
  if (is_answer_empty(value)) {
    clear_answer(name);
    return {};
  }
  std::string error;
  auto stored = validate(*question, value, error);
  if (!stored)
    return refuse(name, error);
  m_answers[question->name] = std::move(*stored);
  if (question->has_other && !is_other_selected(*question))
    m_answers.erase(other_comment_key(question->name));
  return {};
}

SetAnswerResult SurveyRunner::set_other_text(std::string_view name, std::string_view text) {
  const Question* question = definition().find_question(name);
  if (question == nullptr)
    return refuse(name, "no such question in this survey");
  if (!question->has_other)
    return refuse(name, "has no \"other\" choice");
  if (!is_valid_utf8(text))
    return refuse(name, "text is not valid UTF-8");
  if (count_code_points(text) > static_cast<std::size_t>(k_max_comment_length)) {
    return refuse(name, fmt::format("text is longer than {} characters", k_max_comment_length));
  }
  if (text.empty()) {
    m_answers.erase(other_comment_key(question->name));
  } else {
    m_answers[other_comment_key(question->name)] = std::string(text);
  }
  return {};
}

void SurveyRunner::clear_answer(std::string_view name) {
  if (auto found = m_answers.find(name); found != m_answers.end())
    m_answers.erase(found);
  m_answers.erase(other_comment_key(name));
}

bool SurveyRunner::is_other_selected(const Question& question) const {
  const auto found = m_answers.find(question.name);
  return question.has_other && found != m_answers.end() && selects(found->second, "other");
}

std::vector<MissingAnswer> SurveyRunner::missing_required() const {
  std::vector<MissingAnswer> missing;
  for (const Question* question : visible_questions(m_current)) {
    const auto found = m_answers.find(question->name);
    const bool answered = found != m_answers.end() && !is_answer_empty(found->second);
    if (question->is_required && !answered) {
      missing.push_back({question->name, MissingAnswer::Reason::required});
    } else if (is_other_selected(*question)) {
      const auto text = m_answers.find(other_comment_key(question->name));
      if (text == m_answers.end() || is_answer_empty(text->second)) {
        missing.push_back({question->name, MissingAnswer::Reason::other_text});
      }
    }
  }
  return missing;
}

std::optional<std::size_t> SurveyRunner::visible_page_after(std::size_t index) const {
  for (std::size_t i = index + 1; i < definition().pages.size(); ++i) {
    if (is_page_visible(i))
      return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> SurveyRunner::visible_page_before(std::size_t index) const {
  for (std::size_t i = std::min(index, definition().pages.size()); i-- > 0;) {
    if (is_page_visible(i))
      return i;
  }
  return std::nullopt;
}

bool SurveyRunner::is_first_page() const {
  return !visible_page_before(m_current).has_value();
}
bool SurveyRunner::is_last_page() const {
  return !visible_page_after(m_current).has_value();
}

bool SurveyRunner::next() {
  if (!can_next())
    return false;
  m_current = *visible_page_after(m_current);
  return true;
}

bool SurveyRunner::back() {
  const auto previous = visible_page_before(m_current);
  if (!previous)
    return false;
  m_current = *previous;
  return true;
}

bool SurveyRunner::can_complete() const {
  return current_page() != nullptr && is_page_visible(m_current) && is_last_page() &&
         missing_required().empty();
}

std::optional<CompletedSurvey> SurveyRunner::complete() const {
  if (!can_complete())
    return std::nullopt;
  CompletedSurvey done;
  done.survey_id = definition().id;
  done.version = definition().version;
  // Visibility is judged once, on all answers, then invisible values are dropped (SurveyJS "onComplete").
  for (std::size_t page = 0; page < definition().pages.size(); ++page) {
    if (!is_page_visible(page))
      continue;
    for (const Question* question : visible_questions(page)) {
      const auto found = m_answers.find(question->name);
      if (found == m_answers.end() || is_answer_empty(found->second))
        continue;
      done.answers[question->name] = found->second;
      if (is_other_selected(*question)) {
        const std::string key = other_comment_key(question->name);
        if (auto text = m_answers.find(key); text != m_answers.end())
          done.answers[key] = text->second;
      }
    }
  }
  nlohmann::json document = {
      {"survey", done.survey_id}, {"version", done.version}, {"answers", nlohmann::json::object()}};
  for (const auto& [name, value] : done.answers)
    document["answers"][name] = value;
  done.json = document.dump();
  return done;
}

}  // namespace kiosk::domain::surveys
