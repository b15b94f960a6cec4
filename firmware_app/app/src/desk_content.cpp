// The content behind the customer flows, read from the assets folder at start. Each file is checked in full
// by its domain parser; a broken file leaves its flow out and is reported, the kiosk stays up.
#include <fstream>
#include <sstream>

#include "app/customer_desk.hpp"

namespace kiosk::app {
namespace {

std::optional<std::string> read_text(const std::filesystem::path& file, std::vector<std::string>& problems) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    problems.push_back(file.string() + ": cannot be read");
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

template <class T>
std::optional<T> take(const std::filesystem::path& file, domain::ParseResult<T> result,
                      std::vector<std::string>& problems) {
  for (const auto& issue : result.issues) {
    problems.push_back(file.string() + ": " + domain::describe(issue));
  }
  return std::move(result.value);
}

}  // namespace

DeskContent load_desk_content(const std::filesystem::path& assets_dir, std::vector<std::string>& problems) {
  DeskContent content;
  const auto services_file = assets_dir / "services" / "services.json";
  if (auto text = read_text(services_file, problems)) {
    if (auto catalog = take(services_file, domain::queue::parse_service_catalog(*text), problems)) {
      content.services = std::move(*catalog);
    }
  }
  // Bookings arrive from head office as a `bookings` bundle (content_updates.hpp); until one has, the sample
  // file serves for trials.
  const auto bookings_file = assets_dir / "services" / "bookings.sample.json";
  if (std::filesystem::exists(bookings_file)) {
    if (auto text = read_text(bookings_file, problems)) {
      if (auto bookings = take(bookings_file, domain::queue::parse_bookings(*text), problems)) {
        content.bookings = std::move(*bookings);
      }
    }
  }
  const auto taxonomy_file = assets_dir / "complaints" / "taxonomy.json";
  if (auto text = read_text(taxonomy_file, problems)) {
    if (auto taxonomy = take(taxonomy_file, domain::complaints::parse_taxonomy(*text), problems)) {
      content.taxonomy = std::move(*taxonomy);
    }
  }
  for (const auto trigger : k_survey_triggers) {
    const auto survey_file = assets_dir / "surveys" / (std::string(trigger) + ".json");
    if (auto text = read_text(survey_file, problems)) {
      if (auto survey = take(survey_file, domain::surveys::parse_survey(*text, trigger), problems)) {
        content.surveys.emplace(std::string(trigger), std::move(*survey));
      }
    }
  }
  // "You said, we did" messages arrive as an `announcements` bundle; until one has, the shipped file
  // serves. A kiosk without the file simply shows none.
  const auto announcements_file = assets_dir / "announcements" / "announcements.json";
  if (std::filesystem::exists(announcements_file)) {
    if (auto text = read_text(announcements_file, problems)) {
      if (auto announcements =
              take(announcements_file, domain::announcements::parse_announcements(*text), problems)) {
        content.announcements = std::move(*announcements);
      }
    }
  }
  return content;
}

namespace {

void add_all(std::string& out, const domain::LocalizedText& text) {
  for (const auto& [language, value] : text.all())
    out += value;
}

}  // namespace

std::string content_glyph_text(const DeskContent& content) {
  std::string text;
  for (const auto& service : content.services.services) {
    add_all(text, service.name);
    add_all(text, service.description);
  }
  for (const auto& product : content.taxonomy.products) {
    add_all(text, product.name);
    for (const auto& issue : product.issues)
      add_all(text, issue.name);
  }
  for (const auto& [trigger, survey] : content.surveys) {
    add_all(text, survey.title);
    add_all(text, survey.description);
    for (const auto& page : survey.pages) {
      add_all(text, page.title);
      for (const auto& question : page.questions) {
        add_all(text, question.title);
        add_all(text, question.description);
        add_all(text, question.rating.min_description);
        add_all(text, question.rating.max_description);
        add_all(text, question.label_true);
        add_all(text, question.label_false);
        add_all(text, question.none_text);
        add_all(text, question.other_text);
        for (const auto& choice : question.choices)
          add_all(text, choice.text);
      }
    }
  }
  for (const auto& announcement : content.announcements.items) {
    add_all(text, announcement.title);
    add_all(text, announcement.body);
  }
  return text;
}

}  // namespace kiosk::app
