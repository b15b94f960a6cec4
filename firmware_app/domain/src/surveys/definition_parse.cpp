// Reading a SurveyJS definition into the kiosk's model. The rule is "support fully or refuse by name":
// a key the kiosk does not act on would change what a customer is asked or what is stored if SurveyJS
// acted on it, so it is refused, unless it is purely presentational (listed as tolerated below).
#include <algorithm>
#include <array>
#include <set>
#include <span>

#include <fmt/format.h>

#include "../text/json_reader.hpp"
#include "domain/surveys/definition.hpp"
#include "domain/text/utf8.hpp"
#include "js_values.hpp"
#include "survey_json.hpp"

namespace kiosk::domain::surveys {
namespace {

using detail::Element;
using detail::Issues;
using detail::Json;

using Keys = std::span<const std::string_view>;

// Layout and numbering hints: SurveyJS uses them only to draw; the kiosk draws its own screens.
constexpr std::string_view k_tolerated_survey[] = {"showQuestionNumbers",
                                                   "completedHtml",
                                                   "logoPosition",
                                                   "width",
                                                   "widthMode",
                                                   "showProgressBar",
                                                   "progressBarType",
                                                   "showTitle",
                                                   "showPageTitles",
                                                   "questionTitleLocation",
                                                   "questionDescriptionLocation",
                                                   "questionErrorLocation",
                                                   "requiredText",
                                                   "$schema"};
constexpr std::string_view k_tolerated_page[] = {
    "width", "minWidth", "maxWidth", "questionTitleLocation", "navigationTitle", "navigationDescription"};
constexpr std::string_view k_tolerated_question[] = {
    "width",      "minWidth", "maxWidth", "startWithNewLine",  "titleLocation", "descriptionLocation",
    "hideNumber", "colCount", "indent",   "requiredErrorText", "errorLocation"};

constexpr std::string_view k_common_question[] = {"type",       "name",    "title",     "description",
                                                  "isRequired", "visible", "visibleIf", "showCommentArea",
                                                  "hasComment"};
constexpr std::string_view k_rating_keys[] = {"rateMin",
                                              "rateMax",
                                              "rateStep",
                                              "rateCount",
                                              "rateValues",
                                              "rateType",
                                              "minRateDescription",
                                              "maxRateDescription",
                                              "displayRateDescriptionsAsExtremeItems",
                                              "scaleColorMode",
                                              "rateColorMode"};
constexpr std::string_view k_select_keys[] = {"choices",       "showNoneItem", "hasNone",  "noneText",
                                              "showOtherItem", "hasOther",     "otherText"};
constexpr std::string_view k_boolean_keys[] = {"labelTrue", "labelFalse", "valueTrue", "valueFalse"};
constexpr std::string_view k_comment_keys[] = {"maxLength", "rows", "autoGrow", "placeholder", "allowResize"};

bool listed(Keys keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// SurveyJS question types the kiosk does not run (all refused, named in the issue).
constexpr std::array<std::string_view, 18> k_known_unsupported = {
    "text",          "dropdown",     "tagbox",     "ranking",      "matrix", "matrixdropdown",
    "matrixdynamic", "multipletext", "panel",      "paneldynamic", "file",   "html",
    "image",         "imagepicker",  "expression", "signaturepad", "slider", "imagemap"};

std::optional<QuestionType> supported_type(std::string_view type) {
  if (type == "rating")
    return QuestionType::rating;
  if (type == "radiogroup")
    return QuestionType::radiogroup;
  if (type == "checkbox")
    return QuestionType::checkbox;
  if (type == "boolean")
    return QuestionType::boolean;
  if (type == "comment")
    return QuestionType::comment;
  return std::nullopt;
}

bool is_identifier(std::string_view id) {
  if (id.empty() || id.size() > 64)
    return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  });
}

struct Context {
  Issues issues;
  std::size_t question_count = 0;
};

std::optional<Expression> read_condition(const Json& value, const Element& element, Issues& issues) {
  if (!value.is_string()) {
    detail::add_issue(issues, element, "visibleIf",
                      fmt::format("\"visibleIf\" must be a string, found {}", value.type_name()));
    return std::nullopt;
  }
  auto parsed = parse_expression(value.get_ref<const std::string&>());
  if (!parsed.ok()) {
    for (const ParseIssue& issue : parsed.issues) {
      detail::add_issue(issues, element, "visibleIf", fmt::format("visibleIf: {}", issue.message));
    }
    return std::nullopt;
  }
  return std::move(*parsed.value);
}

void read_rating(const Json& object, const Element& element, Question& question, Issues& issues) {
  RatingScale& scale = question.rating;
  const std::size_t before = issues.size();
  auto member = [&](std::string_view key) { return json_reader::optional_member(object, key); };
  std::optional<int> min, max, step, count;
  if (const Json* v = member("rateMin"))
    min = detail::read_int(*v, -1000, 1000, element, "rateMin", issues);
  if (const Json* v = member("rateMax"))
    max = detail::read_int(*v, -1000, 1000, element, "rateMax", issues);
  if (const Json* v = member("rateStep"))
    step = detail::read_int(*v, 1, 1000, element, "rateStep", issues);
  if (const Json* v = member("rateCount"))
    count = detail::read_int(*v, 1, 1000, element, "rateCount", issues);
  if (const Json* v = member("rateType")) {
    const std::string type = v->is_string() ? v->get<std::string>() : "";
    if (type == "labels") {
      scale.rate_type = RateType::labels;
    } else if (type == "stars") {
      scale.rate_type = RateType::stars;
    } else if (type == "smileys") {
      scale.rate_type = RateType::smileys;
    } else {
      detail::add_issue(issues, element, "rateType", fmt::format("unsupported rateType {}", v->dump()));
    }
  }
  if (const Json* v = member("minRateDescription")) {
    if (auto text = detail::read_text(*v, element, "minRateDescription", issues))
      scale.min_description = *text;
  }
  if (const Json* v = member("maxRateDescription")) {
    if (auto text = detail::read_text(*v, element, "maxRateDescription", issues))
      scale.max_description = *text;
  }
  if (issues.size() != before)
    return;
  scale.step = step.value_or(1);
  if (const Json* v = member("rateValues"); v != nullptr && !(v->is_array() && v->empty())) {
    auto values = detail::read_choices(*v, k_max_rate_values, element, "rateValues", issues);
    if (!values)
      return;
    if (count && *count != static_cast<int>(values->size())) {
      detail::add_issue(issues, element, "rateCount",
                        fmt::format("rateCount {} disagrees with the {} rateValues", *count, values->size()));
      return;
    }
    scale.values = std::move(*values);
    scale.explicit_values = true;
  } else {
    // QuestionRatingModel.endLoadingFromJson: rateCount with only one end given derives the other end.
    scale.min = min.value_or(1);
    scale.max = max.value_or(5);
    if (count && min && !max)
      scale.max = scale.min + scale.step * (*count - 1);
    if (count && max && !min)
      scale.min = scale.max - scale.step * (*count - 1);
    if (count && !min && !max)
      scale.max = scale.min + scale.step * (*count - 1);
    if (scale.max < scale.min) {
      detail::add_issue(issues, element, "rateMax",
                        fmt::format("rateMax {} is below rateMin {}", scale.max, scale.min));
      return;
    }
    const int generated = (scale.max - scale.min) / scale.step + 1;
    if (count && min && max && *count != generated) {
      detail::add_issue(
          issues, element, "rateCount",
          fmt::format("rateCount {} disagrees with rateMin {}, rateMax {}, rateStep {} ({} values)", *count,
                      scale.min, scale.max, scale.step, generated));
      return;
    }
    if (generated > static_cast<int>(k_max_rate_values)) {
      detail::add_issue(
          issues, element, "rateMax",
          fmt::format("the scale has {} values; at most {} are supported", generated, k_max_rate_values));
      return;
    }
    for (int value = scale.min; value <= scale.max; value += scale.step) {
      scale.values.push_back(Choice{value, LocalizedText({{"en", std::to_string(value)}})});
    }
  }
  if (scale.rate_type == RateType::smileys && scale.values.size() > 10) {
    detail::add_issue(issues, element, "rateType", "smileys show at most 10 faces");
  }
}

void read_select(const Json& object, const Element& element, Question& question, Issues& issues) {
  auto member = [&](std::string_view key) { return json_reader::optional_member(object, key); };
  bool choices_ok = true;
  if (const Json* v = member("choices")) {
    auto choices = detail::read_choices(*v, k_max_choices, element, "choices", issues);
    choices_ok = choices.has_value();
    if (choices)
      question.choices = std::move(*choices);
  }
  for (std::string_view key : {"showNoneItem", "hasNone"}) {
    if (const Json* v = member(key))
      question.has_none = detail::read_bool(*v, element, key, issues).value_or(false) || question.has_none;
  }
  for (std::string_view key : {"showOtherItem", "hasOther"}) {
    if (const Json* v = member(key))
      question.has_other = detail::read_bool(*v, element, key, issues).value_or(false) || question.has_other;
  }
  question.none_text = detail::default_text("none");
  question.other_text = detail::default_text("other");
  if (const Json* v = member("noneText")) {
    if (auto text = detail::read_text(*v, element, "noneText", issues); text && !text->empty())
      question.none_text = *text;
  }
  if (const Json* v = member("otherText")) {
    if (auto text = detail::read_text(*v, element, "otherText", issues); text && !text->empty())
      question.other_text = *text;
  }
  for (const Choice& choice : question.choices) {
    if ((question.has_none && answers_equal(choice.value, "none")) ||
        (question.has_other && answers_equal(choice.value, "other"))) {
      detail::add_issue(
          issues, element, "choices",
          fmt::format("choice {} clashes with the built-in none/other item", choice.value.dump()));
    }
  }
  if (choices_ok && question.choices.empty() && !question.has_none && !question.has_other) {
    detail::add_issue(issues, element, "choices", "a choice question needs at least one choice");
  }
}

void read_boolean(const Json& object, const Element& element, Question& question, Issues& issues) {
  auto member = [&](std::string_view key) { return json_reader::optional_member(object, key); };
  question.label_true = detail::default_text("yes");
  question.label_false = detail::default_text("no");
  if (const Json* v = member("labelTrue")) {
    if (auto text = detail::read_text(*v, element, "labelTrue", issues); text && !text->empty())
      question.label_true = *text;
  }
  if (const Json* v = member("labelFalse")) {
    if (auto text = detail::read_text(*v, element, "labelFalse", issues); text && !text->empty())
      question.label_false = *text;
  }
  for (std::string_view key : {"valueTrue", "valueFalse"}) {
    if (const Json* v = member(key)) {
      if (!v->is_string() && !v->is_number() && !v->is_boolean()) {
        detail::add_issue(issues, element, key,
                          fmt::format("\"{}\" must be a string, number or boolean", key));
        continue;
      }
      (key == "valueTrue" ? question.value_true : question.value_false) = *v;
    }
  }
  if (answers_equal(question.value_true, question.value_false)) {
    detail::add_issue(issues, element, "valueTrue", "valueTrue and valueFalse must differ");
  }
}

void read_comment(const Json& object, const Element& element, Question& question, Issues& issues) {
  if (const Json* v = json_reader::optional_member(object, "maxLength")) {
    // SurveyJS: 0 or a negative maxLength means "no limit" (then the survey-wide limit, unset here).
    if (auto length = detail::read_int(*v, -1, k_max_comment_length, element, "maxLength", issues);
        length && *length > 0) {
      question.max_length = *length;
    }
  }
  if (const Json* v = json_reader::optional_member(object, "placeholder"))
    detail::read_text(*v, element, "placeholder", issues);
}

std::optional<Question> read_question(const Json& object, const std::string& path, Issues& issues) {
  if (!object.is_object()) {
    issues.push_back(
        ParseIssue{path, fmt::format("element must be an object, found {}", object.type_name())});
    return std::nullopt;
  }
  std::string name;
  if (const Json* v = json_reader::optional_member(object, "name"); v != nullptr && v->is_string())
    name = v->get<std::string>();
  const Element element{fmt::format("question \"{}\"", name), path};
  const Json* type_value = json_reader::optional_member(object, "type");
  if (type_value == nullptr || !type_value->is_string()) {
    detail::add_issue(issues, element, "type", "missing \"type\" (a string)");
    return std::nullopt;
  }
  // SurveyJS looks class names up without regard to case ("Paneldynamic" is a paneldynamic).
  const std::string type = detail::ascii_lower(type_value->get<std::string>());
  const auto kind = supported_type(type);
  if (!kind) {
    detail::add_issue(issues, element, "type", fmt::format("unsupported question type \"{}\"", type));
    return std::nullopt;
  }
  const std::size_t before = issues.size();
  if (name.empty() || name.size() > 128 || name.find_first_of("{}") != std::string::npos ||
      !is_valid_utf8(name)) {
    detail::add_issue(issues, element, "name", "\"name\" must be 1-128 characters without { or }");
  }
  const Keys specific = *kind == QuestionType::rating    ? Keys(k_rating_keys)
                        : *kind == QuestionType::boolean ? Keys(k_boolean_keys)
                        : *kind == QuestionType::comment ? Keys(k_comment_keys)
                                                         : Keys(k_select_keys);
  for (const auto& [key, value] : object.items()) {
    if (listed(k_common_question, key) || listed(specific, key) || listed(k_tolerated_question, key))
      continue;
    detail::add_issue(issues, element, key, fmt::format("unsupported property \"{}\"", key));
  }
  Question question;
  question.name = name;
  question.type = *kind;
  auto member = [&](std::string_view key) { return json_reader::optional_member(object, key); };
  if (const Json* v = member("title"))
    question.title = detail::read_text(*v, element, "title", issues).value_or(LocalizedText{});
  if (const Json* v = member("description")) {
    question.description = detail::read_text(*v, element, "description", issues).value_or(LocalizedText{});
  }
  if (const Json* v = member("isRequired"))
    question.is_required = detail::read_bool(*v, element, "isRequired", issues).value_or(false);
  if (const Json* v = member("visible"))
    question.visible = detail::read_bool(*v, element, "visible", issues).value_or(true);
  if (const Json* v = member("visibleIf"))
    question.visible_if = read_condition(*v, element, issues);
  for (std::string_view key : {"showCommentArea", "hasComment"}) {
    if (const Json* v = member(key);
        v != nullptr && detail::read_bool(*v, element, key, issues).value_or(false)) {
      detail::add_issue(issues, element, key, fmt::format("unsupported property \"{}\"", key));
    }
  }
  switch (*kind) {
    case QuestionType::rating:
      read_rating(object, element, question, issues);
      break;
    case QuestionType::radiogroup:
    case QuestionType::checkbox:
      read_select(object, element, question, issues);
      break;
    case QuestionType::boolean:
      read_boolean(object, element, question, issues);
      break;
    case QuestionType::comment:
      read_comment(object, element, question, issues);
      break;
  }
  if (issues.size() != before)
    return std::nullopt;
  return question;
}

void reject_unknown(const Json& object, Keys known, Keys tolerated, const Element& element, Issues& issues) {
  for (const auto& [key, value] : object.items()) {
    if (!listed(known, key) && !listed(tolerated, key)) {
      detail::add_issue(issues, element, key, fmt::format("unsupported property \"{}\"", key));
    }
  }
}

std::optional<Page> read_page(const Json& object, std::size_t index, const std::string& path,
                              Context& context) {
  Issues& issues = context.issues;
  if (!object.is_object()) {
    issues.push_back(ParseIssue{path, fmt::format("page must be an object, found {}", object.type_name())});
    return std::nullopt;
  }
  Page page;
  page.name = fmt::format("page{}", index + 1);
  if (const Json* v = json_reader::optional_member(object, "name")) {
    if (v->is_string() && !v->get<std::string>().empty() && v->get<std::string>().size() <= 128) {
      page.name = v->get<std::string>();
    } else {
      issues.push_back(ParseIssue{detail::child_path(path, "name"), "page name must be a non-empty string"});
    }
  }
  const Element element{fmt::format("page \"{}\"", page.name), path};
  const std::size_t before = issues.size();
  static constexpr std::string_view k_page_keys[] = {"name",      "title",   "description", "elements",
                                                     "questions", "visible", "visibleIf"};
  reject_unknown(object, k_page_keys, k_tolerated_page, element, issues);
  if (const Json* v = json_reader::optional_member(object, "title"))
    page.title = detail::read_text(*v, element, "title", issues).value_or(LocalizedText{});
  if (const Json* v = json_reader::optional_member(object, "description")) {
    page.description = detail::read_text(*v, element, "description", issues).value_or(LocalizedText{});
  }
  if (const Json* v = json_reader::optional_member(object, "visible"))
    page.visible = detail::read_bool(*v, element, "visible", issues).value_or(true);
  if (const Json* v = json_reader::optional_member(object, "visibleIf"))
    page.visible_if = read_condition(*v, element, issues);
  const Json* elements = json_reader::optional_member(object, "elements");
  const char* elements_key = "elements";
  if (const Json* legacy = json_reader::optional_member(object, "questions")) {
    if (elements != nullptr) {
      detail::add_issue(issues, element, "questions", "give \"elements\" or \"questions\", not both");
    }
    elements = legacy;
    elements_key = "questions";
  }
  if (elements != nullptr) {
    if (!elements->is_array()) {
      detail::add_issue(issues, element, elements_key, "must be an array");
    } else {
      for (std::size_t i = 0; i < elements->size(); ++i) {
        if (++context.question_count > k_max_questions) {
          detail::add_issue(issues, element, elements_key,
                            fmt::format("more than {} questions in the survey", k_max_questions));
          break;
        }
        auto question = read_question((*elements)[i],
                                      detail::index_path(detail::child_path(path, elements_key), i), issues);
        if (question)
          page.questions.push_back(std::move(*question));
      }
    }
  }
  if (issues.size() != before)
    return std::nullopt;
  return page;
}

// Names are compared without regard to case because conditions find them that way.
void check_names_and_conditions(const SurveyDefinition& survey, Issues& issues) {
  std::set<std::string> known;
  std::set<std::string> other_comments;
  for (std::size_t p = 0; p < survey.pages.size(); ++p) {
    for (std::size_t q = 0; q < survey.pages[p].questions.size(); ++q) {
      const Question& question = survey.pages[p].questions[q];
      const std::string key = detail::ascii_lower(question.name);
      if (!known.insert(key).second) {
        issues.push_back(ParseIssue{fmt::format("pages[{}].elements[{}].name", p, q),
                                    fmt::format("question \"{}\": name is used twice", question.name)});
      }
      if (question.has_other)
        other_comments.insert(detail::ascii_lower(other_comment_key(question.name)));
    }
  }
  auto check = [&](const std::optional<Expression>& condition, const std::string& label,
                   const std::string& path) {
    if (!condition)
      return;
    for (const std::string& variable : condition->variables()) {
      std::string lookup = variable.size() > 1 && variable[0] == '#' ? variable.substr(1) : variable;
      lookup = detail::ascii_lower(lookup);
      if (known.count(lookup) == 0 && other_comments.count(lookup) == 0) {
        issues.push_back(ParseIssue{
            path, fmt::format("{}: visibleIf refers to {{{}}}, which is not a question of this survey", label,
                              variable)});
      }
    }
  };
  for (std::size_t p = 0; p < survey.pages.size(); ++p) {
    const Page& page = survey.pages[p];
    check(page.visible_if, fmt::format("page \"{}\"", page.name), fmt::format("pages[{}].visibleIf", p));
    for (std::size_t q = 0; q < page.questions.size(); ++q) {
      check(page.questions[q].visible_if, fmt::format("question \"{}\"", page.questions[q].name),
            fmt::format("pages[{}].elements[{}].visibleIf", p, q));
    }
  }
}

void read_survey_fields(const Json& root, SurveyDefinition& survey, std::string_view id_hint,
                        std::optional<int> bundle_version, Issues& issues) {
  const Element element{"survey", ""};
  static constexpr std::string_view k_survey_keys[] = {
      "id", "version", "title", "description", "pages", "elements", "clearInvisibleValues"};
  reject_unknown(root, k_survey_keys, k_tolerated_survey, element, issues);
  survey.id = std::string(id_hint);
  if (const Json* v = json_reader::optional_member(root, "id")) {
    if (v->is_string() && is_identifier(v->get<std::string>())) {
      survey.id = v->get<std::string>();
    } else {
      detail::add_issue(issues, element, "id", "\"id\" must be 1-64 letters, digits, '_', '-' or '.'");
    }
  } else if (!is_identifier(survey.id)) {
    detail::add_issue(issues, element, "id", "the survey needs an id (an \"id\" field or the file's name)");
  }
  survey.version = bundle_version.value_or(1);
  if (const Json* v = json_reader::optional_member(root, "version")) {
    survey.version = detail::read_int(*v, 1, 1'000'000'000, element, "version", issues).value_or(1);
  }
  if (const Json* v = json_reader::optional_member(root, "title"))
    survey.title = detail::read_text(*v, element, "title", issues).value_or(LocalizedText{});
  if (const Json* v = json_reader::optional_member(root, "description")) {
    survey.description = detail::read_text(*v, element, "description", issues).value_or(LocalizedText{});
  }
  if (const Json* v = json_reader::optional_member(root, "clearInvisibleValues")) {
    if (!v->is_string() || v->get<std::string>() != "onComplete") {
      detail::add_issue(issues, element, "clearInvisibleValues",
                        "only \"onComplete\" (the SurveyJS default) is supported for clearInvisibleValues");
    }
  }
}

}  // namespace

const Question* SurveyDefinition::find_question(std::string_view name) const {
  for (const Page& page : pages) {
    for (const Question& question : page.questions) {
      if (question.name == name)
        return &question;
    }
  }
  return nullptr;
}

std::string other_comment_key(std::string_view question_name) {
  return std::string(question_name) + "-Comment";
}

std::string display_title(const Question& question, std::string_view language) {
  if (question.title.empty())
    return question.name;
  return question.title.in(language);
}

ParseResult<SurveyDefinition> parse_survey(std::string_view json, std::string_view id_hint,
                                           std::optional<int> bundle_version) {
  using Result = ParseResult<SurveyDefinition>;
  if (json.size() > k_max_survey_bytes) {
    return Result::failure(
        {ParseIssue{"", fmt::format("survey is larger than {} bytes", k_max_survey_bytes)}});
  }
  if (detail::json_depth(json, k_max_json_depth) > k_max_json_depth) {
    return Result::failure(
        {ParseIssue{"", fmt::format("survey JSON is nested deeper than {} levels", k_max_json_depth)}});
  }
  Context context;
  std::optional<Json> root;
  try {
    root = json_reader::parse_json_document(json, context.issues);
  } catch (const std::exception& error) {  // parse_json_document promises not to throw; this is a last guard
    context.issues.push_back(ParseIssue{"", fmt::format("cannot read the survey: {}", error.what())});
  }
  if (!root)
    return Result::failure(std::move(context.issues));
  if (!root->is_object())
    return Result::failure({ParseIssue{"", "a survey must be a JSON object"}});

  SurveyDefinition survey;
  read_survey_fields(*root, survey, id_hint, bundle_version, context.issues);
  const Json* pages = json_reader::optional_member(*root, "pages");
  const Json* elements = json_reader::optional_member(*root, "elements");
  if (pages != nullptr && elements != nullptr) {
    context.issues.push_back(
        ParseIssue{"elements", "survey: give \"pages\" or top-level \"elements\", not both"});
  } else if (elements != nullptr) {
    // SurveyJS puts top-level elements on one page of its own.
    auto page = read_page(Json{{"elements", *elements}}, 0, "", context);
    if (page)
      survey.pages.push_back(std::move(*page));
  } else if (pages != nullptr && pages->is_array()) {
    if (pages->size() > k_max_pages) {
      context.issues.push_back(ParseIssue{"pages", fmt::format("survey: more than {} pages", k_max_pages)});
    } else {
      for (std::size_t i = 0; i < pages->size(); ++i) {
        auto page = read_page((*pages)[i], i, detail::index_path("pages", i), context);
        if (page)
          survey.pages.push_back(std::move(*page));
      }
    }
  } else {
    context.issues.push_back(ParseIssue{"pages", "survey: \"pages\" (an array) is missing"});
  }
  if (context.issues.empty()) {
    check_names_and_conditions(survey, context.issues);
    if (context.question_count == 0)
      context.issues.push_back(ParseIssue{"pages", "survey: has no questions"});
  }
  if (!context.issues.empty())
    return Result::failure(std::move(context.issues));
  return Result::success(std::move(survey));
}

RatingKind classify_rating(const Question& question) {
  if (question.type != QuestionType::rating)
    return RatingKind::other;
  const RatingScale& scale = question.rating;
  auto runs = [&](int from, int to) {
    if (scale.values.size() != static_cast<std::size_t>(to - from + 1))
      return false;
    for (std::size_t i = 0; i < scale.values.size(); ++i) {
      const AnswerValue& value = scale.values[i].value;
      if (!value.is_number() || value.get<double>() != from + static_cast<double>(i))
        return false;
    }
    return true;
  };
  if (scale.rate_type == RateType::smileys && runs(1, 4))
    return RatingKind::quick_faces;
  if (runs(0, 10))
    return RatingKind::nps;
  if (runs(1, 5))
    return RatingKind::csat;
  if (runs(1, 7))
    return RatingKind::ces;
  return RatingKind::other;
}

std::string_view rating_kind_name(RatingKind kind) {
  switch (kind) {
    case RatingKind::nps:
      return "nps";
    case RatingKind::csat:
      return "csat";
    case RatingKind::ces:
      return "ces";
    case RatingKind::quick_faces:
      return "quick_faces";
    case RatingKind::other:
      return "other";
  }
  return "other";
}

}  // namespace kiosk::domain::surveys
