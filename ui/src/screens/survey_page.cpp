// One page of a survey: each visible question with the control its kind needs (NPS numbers, faces,
// choices, yes/no, a comment). "Required" is said in words. The anonymity note is always on screen.
#include <imgui.h>

#include <algorithm>

#include "flow_parts.hpp"
#include "ui/screens.hpp"
#include "ui/widgets/choices.hpp"
#include "ui/widgets/rating.hpp"

namespace kiosk::ui {
namespace {

using Kind = app::Intent::Kind;

float question_height(const app::QuestionVm& question, const Layout& layout, float available,
                      std::size_t count) {
  const float even = available / static_cast<float>(std::max<std::size_t>(count, 1));
  switch (question.kind) {
    case app::QuestionKind::comment:
      return std::max(even, layout.button_height * 1.6F);
    default:
      return even;
  }
}

void draw_question(DrawContext& context, const app::QuestionVm& question, Rect rect, app::Intents& intents) {
  const auto& layout = context.layout;
  const auto& palette = context.palette;
  const std::string id = "survey.q." + question.name;
  const float title_height = std::min(rect.h * 0.4F, context.fonts.get(FontRole::button)->FontSize * 2.4F);
  std::string title = question.title;
  if (!question.required_note.empty())
    title += "  (" + question.required_note + ")";
  text_block(context, id + ".title", title, rect.take_top(title_height),
             {.role = FontRole::button,
              .smallest = FontRole::small,
              .colour = palette.text,
              .centre_vertically = true});
  Rect control = rect.below(title_height, layout.gap * 0.3F);
  switch (question.kind) {
    case app::QuestionKind::nps:
    case app::QuestionKind::faces:
    case app::QuestionKind::scale: {
      RatingScaleVm scale;
      scale.min = question.min;
      scale.max = question.max;
      scale.selected = question.selected_rating;
      scale.kind = question.kind == app::QuestionKind::faces ? RatingScaleVm::Kind::faces
                                                             : RatingScaleVm::Kind::numbers;
      scale.low_label = question.low_label;
      scale.high_label = question.high_label;
      scale.option_labels = question.option_labels;
      if (auto chosen = draw_rating_scale(context, id + ".rating", scale, control)) {
        intents.emit(Kind::answer, question.name, std::to_string(*chosen));
      }
      break;
    }
    case app::QuestionKind::single_choice:
    case app::QuestionKind::multiple_choice:
    case app::QuestionKind::yes_no: {
      ChoiceListVm list;
      list.multiple = question.kind == app::QuestionKind::multiple_choice;
      list.columns = layout.portrait ? 1 : 2;
      for (const auto& choice : question.choices)
        list.items.push_back({choice.key, choice.label, choice.selected});
      if (auto tapped = draw_choice_list(context, id + ".choices", list, control)) {
        if (list.multiple) {
          intents.emit(Kind::toggle, question.name, *tapped);
        } else {
          intents.emit(Kind::answer, question.name, *tapped);
        }
      }
      break;
    }
    case app::QuestionKind::comment:
      if (question.comment) {
        auto field = *question.comment;
        field.label.clear();  // the question's title stands right above the box
        draw_flow_field(context, field, control, intents);
      }
      break;
  }
}

}  // namespace

void draw_survey_page(const app::SurveyPageVm& vm, app::Intents& intents, DrawContext& context) {
  const auto& layout = context.layout;
  const float note_height = context.fonts.get(FontRole::small)->FontSize * 1.6F;
  // With the keyboard up the body holds the anonymity note, a problem line and the focused comment.
  const float problem_height = vm.problem.empty() ? 0.0F : note_height * 1.4F + layout.gap * 0.3F;
  const auto area =
      draw_flow_frame(context, "survey", vm.header, &vm.keyboard, intents,
                      note_height + layout.gap * 0.3F + problem_height + text_field_height(context) * 1.6F);
  Rect body = area.body;
  text_block(context, "survey.anonymous", vm.anonymous_note, body.take_top(note_height),
             {.role = FontRole::small, .smallest = FontRole::small, .colour = context.palette.text_muted});
  body = body.below(note_height, layout.gap * 0.3F);
  if (!vm.problem.empty()) {
    text_block(context, "survey.problem", vm.problem, body.take_top(note_height * 1.4F),
               {.role = FontRole::body, .smallest = FontRole::small, .colour = context.palette.text});
    body = body.below(note_height * 1.4F, layout.gap * 0.3F);
  }
  if (vm.keyboard.visible) {
    for (const auto& question : vm.questions) {
      if (question.comment && question.comment->focused)
        draw_question(context, question, body, intents);
    }
  } else {
    float y = body.y;
    for (const auto& question : vm.questions) {
      const float height =
          question_height(question, layout, body.h - static_cast<float>(vm.questions.size() - 1) * layout.gap,
                          vm.questions.size());
      draw_question(context, question, {body.x, y, body.w, std::min(height, body.bottom() - y)}, intents);
      y += height + layout.gap;
    }
  }
  const float action_width = std::min(area.actions.w, 520.0F * layout.scale);
  draw_action(context, "survey", vm.next,
              {area.actions.right() - action_width, area.actions.y, action_width, area.actions.h}, intents);
  draw_flow_keyboard(context, "survey", vm.keyboard, area.keyboard, intents);
}

}  // namespace kiosk::ui
