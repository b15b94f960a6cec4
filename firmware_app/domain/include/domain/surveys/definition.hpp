#pragma once
// Survey definitions in the subset of SurveyJS JSON the kiosk supports, read with SurveyJS's defaults.
//
// Supported: a survey with "pages" (or top-level "elements", which SurveyJS puts on one page), questions
// of type rating, radiogroup, checkbox, boolean and comment; visibleIf/visible on pages and questions;
// isRequired; title/description; choices as values or {value, text} (a "value|text" string is split as
// SurveyJS splits it); showNoneItem/hasNone, showOtherItem/hasOther with noneText/otherText; rating
// rateMin/rateMax/rateStep/rateCount/rateValues, rateType labels|stars|smileys, min/maxRateDescription;
// boolean labelTrue/labelFalse/valueTrue/valueFalse; comment maxLength. A kiosk "version" field (integer
// >= 1) may be given, else the caller's (bundle's) version is used.
//
// Localized strings: a plain string, or {"default": ..., "en": ..., "ru": ..., "zh-cn": ..., "nb": ...}.
// SurveyJS locale codes map to kiosk tags ("default" and "en" -> "en", "zh-cn" -> "zh-Hans", "nb"/"no" ->
// "nb"); other codes are kept as written. When both "default" and "en" are given, "en" wins, as SurveyJS
// shows "en" for English and falls back to the survey's default locale ("en") before "default". Empty
// strings count as absent (SurveyJS falls back past them). LocalizedText::in() then falls back to "en".
//
// Anything else is rejected: every unsupported question type, property or survey setting becomes an issue
// naming the element. The message always reads `question "NAME": unsupported question type "TYPE"`,
// `question "NAME": unsupported property "KEY"`, `page "NAME": unsupported property "KEY"` or
// `survey: unsupported property "KEY"`, with the JSON path in ParseIssue::path. Purely presentational keys
// that cannot change what is asked or stored are tolerated (see k_tolerated_* in the .cpp).
//
// Guarantees: parse_survey never throws; it refuses documents over k_max_survey_bytes, nested deeper than
// k_max_json_depth, or with more than the k_max_* counts below, naming the limit.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/surveys/expression.hpp"
#include "domain/text/localized_text.hpp"
#include "domain/text/parse_result.hpp"

namespace kiosk::domain::surveys {

inline constexpr std::size_t k_max_survey_bytes = std::size_t{256} * 1024;
inline constexpr int k_max_json_depth = 24;
inline constexpr std::size_t k_max_pages = 30;
inline constexpr std::size_t k_max_questions = 100;
inline constexpr std::size_t k_max_choices = 50;
inline constexpr std::size_t k_max_rate_values = 25;
inline constexpr std::size_t k_max_text_bytes = 4096;
inline constexpr int k_max_comment_length = 4000;

enum class QuestionType { rating, radiogroup, checkbox, boolean, comment };
// SurveyJS's "labels" shows numbers (or the rate values' texts); "smileys" shows faces.
enum class RateType { labels, stars, smileys };

struct Choice {
  AnswerValue value;   // a string or a number, as written
  LocalizedText text;  // the value as text when the definition gives none
  friend bool operator==(const Choice&, const Choice&) = default;
};

struct RatingScale {
  int min = 1;  // SurveyJS defaults: rateMin 1, rateMax 5, rateStep 1
  int max = 5;
  int step = 1;
  std::vector<Choice> values;    // the explicit rateValues, or the generated min..max by step
  bool explicit_values = false;  // true when rateValues was given
  RateType rate_type = RateType::labels;
  LocalizedText min_description;
  LocalizedText max_description;
  friend bool operator==(const RatingScale&, const RatingScale&) = default;
};

struct Question {
  std::string name;
  QuestionType type = QuestionType::comment;
  LocalizedText title;  // empty: SurveyJS shows the name (see display_title)
  LocalizedText description;
  bool is_required = false;
  bool visible = true;                   // "visible": false hides it unless visible_if says otherwise
  std::optional<Expression> visible_if;  // when set, decides visibility (SurveyJS overrides "visible")

  RatingScale rating;  // rating

  std::vector<Choice> choices;  // radiogroup, checkbox
  bool has_none = false;        // adds the choice "none" (exclusive in a checkbox)
  bool has_other = false;       // adds the choice "other" with a text stored as "<name>-Comment"
  LocalizedText none_text;      // SurveyJS default "None" unless given
  LocalizedText other_text;     // SurveyJS default "Other (describe)" unless given

  LocalizedText label_true;   // boolean; SurveyJS default "Yes"
  LocalizedText label_false;  // boolean; SurveyJS default "No"
  AnswerValue value_true = true;
  AnswerValue value_false = false;

  std::optional<int> max_length;  // comment, in characters (code points)

  friend bool operator==(const Question&, const Question&) = default;
};

struct Page {
  std::string name;  // SurveyJS names unnamed pages "page1", "page2", ...
  LocalizedText title;
  LocalizedText description;
  bool visible = true;
  std::optional<Expression> visible_if;
  std::vector<Question> questions;
};

struct SurveyDefinition {
  std::string id;
  int version = 1;
  LocalizedText title;
  LocalizedText description;
  std::vector<Page> pages;

  // The question with this name (exact match), or nullptr.
  const Question* find_question(std::string_view name) const;
};

// Reads a SurveyJS definition. The id is the document's "id" field (a kiosk extension), else id_hint;
// one of them must be a non-empty identifier. The version is the document's "version" field, else
// `bundle_version` (a survey bundle's version), else 1.
ParseResult<SurveyDefinition> parse_survey(std::string_view json, std::string_view id_hint = {},
                                           std::optional<int> bundle_version = std::nullopt);

// What a rating question measures, by its scale: nps (0..10 by 1), csat (1..5, or 5 smileys from 1),
// ces (1..7), quick_faces (4 smileys valued 1..4), other.
enum class RatingKind { nps, csat, ces, quick_faces, other };
RatingKind classify_rating(const Question& question);
std::string_view rating_kind_name(RatingKind kind);

// The title to show: the question's title in `language` (with fallback), or its name when it has none,
// as SurveyJS shows it.
std::string display_title(const Question& question, std::string_view language);

// The answer key SurveyJS uses for the text of a question's "other" choice: "<name>-Comment".
std::string other_comment_key(std::string_view question_name);

}  // namespace kiosk::domain::surveys
