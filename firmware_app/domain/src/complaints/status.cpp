#include "domain/complaints/status.hpp"

#include <array>

namespace kiosk::domain::complaints {
namespace {

constexpr std::array k_statuses = {ComplaintStatus::received,    ComplaintStatus::acknowledged,
                                   ComplaintStatus::in_progress, ComplaintStatus::resolved,
                                   ComplaintStatus::closed,      ComplaintStatus::rejected};
constexpr std::array k_answers = {ResolutionAnswer::yes, ResolutionAnswer::partly, ResolutionAnswer::no};

}  // namespace

std::string_view to_string(ComplaintStatus status) {
  switch (status) {
    case ComplaintStatus::received:
      return "received";
    case ComplaintStatus::acknowledged:
      return "acknowledged";
    case ComplaintStatus::in_progress:
      return "in_progress";
    case ComplaintStatus::resolved:
      return "resolved";
    case ComplaintStatus::closed:
      return "closed";
    case ComplaintStatus::rejected:
      return "rejected";
  }
  return "received";
}

std::optional<ComplaintStatus> parse_complaint_status(std::string_view text) {
  for (ComplaintStatus status : k_statuses) {
    if (to_string(status) == text) {
      return status;
    }
  }
  return std::nullopt;
}

bool is_open(ComplaintStatus status) {
  return status == ComplaintStatus::received || status == ComplaintStatus::acknowledged ||
         status == ComplaintStatus::in_progress;
}

std::string_view to_string(ResolutionAnswer answer) {
  switch (answer) {
    case ResolutionAnswer::yes:
      return "yes";
    case ResolutionAnswer::partly:
      return "partly";
    case ResolutionAnswer::no:
      return "no";
  }
  return "no";
}

std::optional<ResolutionAnswer> parse_resolution_answer(std::string_view text) {
  for (ResolutionAnswer answer : k_answers) {
    if (to_string(answer) == text) {
      return answer;
    }
  }
  return std::nullopt;
}

}  // namespace kiosk::domain::complaints
