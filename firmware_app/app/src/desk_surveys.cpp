// Survey answers at the desk: anonymous (no ticket number, no person), keeping the definition's version, and
// a repeat within 5 s stored flagged rather than dropped.
#include "desk_impl.hpp"
#include "domain/surveys/scoring.hpp"
#include "store/survey_repository.hpp"

namespace kiosk::app {

DeskResult<bool> CustomerDesk::record_survey(const domain::surveys::CompletedSurvey& survey,
                                             const std::string& trigger, const std::string& service_id,
                                             const std::string& language) {
  auto& impl = *m_impl;
  const auto now = impl.now();
  bool repeat = false;
  const auto problem = impl.in_transaction("survey answers", [&](store::Transaction& transaction) {
    store::SurveyRepository repository(impl.store.database());
    repeat = !impl.repeat_guard
                  .observe_completed(survey, std::chrono::time_point_cast<std::chrono::milliseconds>(now))
                  .empty();
    store::SurveyResponseRow row;
    row.id = impl.store.new_event_id(impl.clock.utc_now());
    row.survey_id = survey.survey_id;
    row.survey_version = survey.version;
    row.trigger = trigger;
    if (!service_id.empty())
      row.service_id = service_id;
    row.language = language;
    row.answers_json = nlohmann::json(survey.answers).dump();
    row.submitted_at = std::chrono::time_point_cast<std::chrono::milliseconds>(now);
    row.probable_repeat = repeat;
    repository.insert(transaction, row);
    nlohmann::json data{{"response_id", row.id},
                        {"survey_id", survey.survey_id},
                        {"survey_version", survey.version},
                        {"trigger", trigger},
                        {"language", language},
                        {"answers", nlohmann::json(survey.answers)},
                        {"probable_repeat", repeat}};
    if (!service_id.empty())
      data["service_id"] = service_id;
    impl.store.outbox().append(transaction, impl.event("survey.answered", std::move(data)));
  });
  if (problem != DeskProblem::none)
    return {std::nullopt, problem, std::nullopt};
  return {repeat, DeskProblem::none, std::nullopt};
}

}  // namespace kiosk::app
